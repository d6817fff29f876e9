namespace WardTwin.Model.Costs;

/// <summary>
/// A country's rules for an economic evaluation (economics.md, "Conventions by country"): discount rates for costs and
/// effects, the threshold(s) per QALY, the horizon a planner's run takes unless told, each from the price file with its source.
/// No guideline prices a responder or a week of relief: the file's assumed values stand in (named in <paramref name="Assumed"/>).
/// </summary>
public sealed record EconomicConventions(
    double DiscountCosts,
    double DiscountEffects,
    IReadOnlyList<double> ThresholdsPerQaly,
    int DefaultHorizonYears,
    string Source,
    string? Assumed = null,
    double? AssumedWtpPerResponder = null,
    double? AssumedWtpPerReliefWeek = null);
