namespace WardTwin.Model.Parameters;

/// <summary>Acute side effects: fast effect compartment, personal thresholds, grades, background, co-medication (card section 4).</summary>
public sealed record SideEffectParameters(
    double Ke0HalfLifeMin,
    double ModerateRatio, double SevereRatio,
    IReadOnlyList<SideEffectTypeParameters> Types,
    int BackgroundGrade,
    double MidazolamThresholdFactor, double MidazolamEffectH, int MidazolamDrowsinessGrade,
    double ClonidineOralEffectH,
    double MidazolamMaxDoseMg,
    double MidazolamMaxMgPer24H,
    double MidazolamMinIntervalH)
{
    public SideEffectTypeParameters this[SideEffectKind kind] => Types[(int)kind];

    internal static SideEffectParameters Read(ParameterReader p) => new(
        p.Positive("side_effects.ke0_half_life_min"),
        p.Positive("side_effects.moderate_ratio"), p.Positive("side_effects.severe_ratio"),
        SideEffectKinds.All.Select(k => SideEffectTypeParameters.Read(p, SideEffectKinds.Name(k))).ToArray(),
        (int)p["side_effects.background_grade"],
        p.Positive("side_effects.midazolam_threshold_factor"), p.Positive("side_effects.midazolam_effect_h"), (int)p["side_effects.midazolam_drowsiness_grade"],
        p.Positive("side_effects.clonidine_oral_effect_h"),
        p.Positive("side_effects.midazolam_max_dose_mg"),
        p.Positive("side_effects.midazolam_max_mg_per_24h"),
        p.Positive("side_effects.midazolam_min_interval_h"));
}

/// <summary>One side effect's personal threshold distribution and background rate.</summary>
public sealed record SideEffectTypeParameters(double ThresholdNgPerMl, double Omega, double BackgroundPerDay)
{
    internal static SideEffectTypeParameters Read(ParameterReader p, string name) => new(
        p.Positive($"side_effects.{name}.threshold_ng_per_ml"),
        p[$"side_effects.{name}.omega"],
        p.Fraction($"side_effects.{name}.background_per_day"));
}
