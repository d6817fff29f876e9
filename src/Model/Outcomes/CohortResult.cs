using WardTwin.Model.Costs;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>A finished cohort: its protocol, seed, every admission's outcome and bill, in patient order.</summary>
public sealed record CohortResult(Protocol Protocol, long Seed, AdmissionOutcome[] Admissions, CostBreakdown[] Costs, PriceList Prices, IReadOnlyList<string> AlarmNames, CostRules? Rules = null)
{
    /// <summary>Bills every admission at the given prices, by the given rules (default: healthcare, full day prices).</summary>
    public static CohortResult Price(Protocol protocol, long seed, AdmissionOutcome[] admissions, PriceList prices, IReadOnlyList<string> alarmNames, CostRules? rules = null)
    {
        var costs = new CostCalculator(prices, rules);
        return new CohortResult(protocol, seed, admissions, admissions.Select(a => costs.Cost(protocol, a)).ToArray(), prices, alarmNames, rules ?? CostRules.Default);
    }
}
