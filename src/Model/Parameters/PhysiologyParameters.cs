namespace WardTwin.Model.Parameters;

/// <summary>
/// Midazolam, flumazenil and ondansetron by hand, sedation on the MOAA/S scale, breathing and oxygenation: the live
/// ward's physiology (docs/training.md). Cohort runs do not use it, so it leaves the calibrated cohort model alone.
/// </summary>
public sealed record PhysiologyParameters(
    MidazolamParameters Midazolam,
    SedationParameters Sedation,
    BreathingParameters Breathing,
    FlumazenilParameters Flumazenil,
    OndansetronParameters Ondansetron)
{
    internal static PhysiologyParameters Read(ParameterReader p, string path) => new(
        MidazolamParameters.Read(p, path),
        SedationParameters.Read(p, path),
        BreathingParameters.Read(p),
        FlumazenilParameters.Read(p),
        OndansetronParameters.Read(p));
}
