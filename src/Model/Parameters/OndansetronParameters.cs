namespace WardTwin.Model.Parameters;

/// <summary>Ondansetron by hand: the largest single dose, how long it acts and how many nausea grades it takes off.</summary>
public sealed record OndansetronParameters(double MaxDoseMg, double EffectH, int NauseaGradesLowered)
{
    internal static OndansetronParameters Read(ParameterReader p) => new(
        p.Positive("ondansetron.max_dose_mg"), p.Positive("ondansetron.effect_h"), (int)p["ondansetron.nausea_grades_lowered"]);
}
