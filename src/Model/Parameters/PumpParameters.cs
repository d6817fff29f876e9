namespace WardTwin.Model.Parameters;

/// <summary>Infusion pump defaults: the bag and when it warns that the bag runs out.</summary>
public sealed record PumpParameters(double BagVolumeMl, double ConcentrationMgPerMl, double NearEmptyMinutes)
{
    internal static PumpParameters Read(ParameterReader p) => new(
        p.Positive("pump.bag_volume_ml"), p.Positive("pump.concentration_mg_per_ml"), p["pump.near_empty_minutes"]);
}
