namespace WardTwin.Model.Pump;

/// <summary>What the pump is programmed with: the drug library's limits for this patient and the bag.</summary>
public sealed record PumpProgramme(
    string Product,
    double ConcentrationMgPerMl,
    double BagVolumeMl,
    double HardMaxMgPerH,
    double? SoftMaxMgPerH,
    double NearEmptyMinutes)
{
    public double BagMg => ConcentrationMgPerMl * BagVolumeMl;
}
