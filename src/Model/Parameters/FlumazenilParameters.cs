namespace WardTwin.Model.Parameters;

/// <summary>Flumazenil i.v. bolus (one compartment per 70 kg and an effect site) and its competitive antagonism of midazolam.</summary>
public sealed record FlumazenilParameters(double ClLPerH, double VL, double Ke0HalfLifeMin, double KiNgPerMl, double MaxDoseMg)
{
    public double HalfLifeH => Math.Log(2) * VL / ClLPerH;

    internal static FlumazenilParameters Read(ParameterReader p) => new(
        p.Positive("flumazenil.cl_l_per_h"), p.Positive("flumazenil.v_l"), p.Positive("flumazenil.ke0_half_life_min"),
        p.Positive("flumazenil.ki_ng_per_ml"), p.Positive("flumazenil.max_dose_mg"));
}
