namespace WardTwin.Model.Parameters;

/// <summary>
/// One model parameter with its unit and source. Assumed ones are ours and may be fitted within min..max;
/// a sourced one may be fitted only when it says fit_within_published_interval, and then only within its
/// published interval, written as min and max (the card's effect half-life: Dahan 2011, 5.3–20.5 days).
/// Sensitivity lists other values a planner should try (with the reason in Note), never used by default.
/// Uncertainty, where the evidence gives one, is what a probabilistic sensitivity analysis draws from.
/// </summary>
public sealed record ParameterEntry(
    double Value,
    string Source,
    bool Assumed = false,
    string? Unit = null,
    double? Min = null,
    double? Max = null,
    bool FitWithinPublishedInterval = false,
    string? Note = null,
    IReadOnlyList<double>? Sensitivity = null,
    ParameterUncertainty? Uncertainty = null)
{
    public bool Fittable => Assumed || FitWithinPublishedInterval;
}
