using WardTwin.Model.Costs;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>A finished cohort: its protocol, seed, every admission's outcome and bill, in patient order.</summary>
public sealed record CohortResult(Protocol Protocol, long Seed, AdmissionOutcome[] Admissions, CostBreakdown[] Costs, PriceList Prices, IReadOnlyList<string> AlarmNames);
