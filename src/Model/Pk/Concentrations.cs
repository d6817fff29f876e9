namespace WardTwin.Model.Pk;

/// <summary>Plasma and effect-site concentrations at one instant, ng/mL.</summary>
public readonly record struct Concentrations(
    double SKetamineNgPerMl,
    double RKetamineNgPerMl,
    double SNorketamineNgPerMl,
    double RNorketamineNgPerMl,
    double SlowEffectNgPerMl,
    double FastEffectNgPerMl);
