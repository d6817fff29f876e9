using WardTwin.Model.Costs;
using WardTwin.Model.Economics;

namespace WardTwin.Application.Planner;

/// <summary>
/// A planner's run, as every host asks for it: protocols (ids or files) compared on one seed, the population, the
/// prices and rules, and the analyses wanted. What a user types or posts is bound to this, nothing else.
/// </summary>
/// <param name="Protocols">Protocol ids from data/protocols/ or paths of protocol files; the comparator is the first unless <paramref name="Comparator"/> says.</param>
/// <param name="Prices">A price region (nl, us) or the path of a price file.</param>
/// <param name="Cohort">One population for every protocol (like for like); null: each protocol's own.</param>
/// <param name="ParametersPath">A model parameter file; null: the data folder's default.</param>
/// <param name="HorizonYears">Patients followed for 1-5 years with retreatment, QALYs and costs discounted at the price file's rates; 0: the first course alone; null: the price file's country default.</param>
/// <param name="BudgetImpactPatientsPerYear">Patients treated a year: the hospital's yearly cost of each strategy over the horizon, undiscounted.</param>
public sealed record PlannerRunRequest(
    IReadOnlyList<string> Protocols,
    int Patients,
    long Seed,
    string Prices = "nl",
    string? Cohort = null,
    string? Comparator = null,
    bool Placebo = false,
    CostRules? Rules = null,
    IReadOnlyDictionary<string, double>? PriceOverrides = null,
    IReadOnlyDictionary<string, double>? ParameterOverrides = null,
    string? ParametersPath = null,
    PsaPlan? Psa = null,
    SensitivityPlan? Sensitivity = null,
    int? HorizonYears = null,
    UtilityMap Utility = UtilityMap.Dixon,
    double? BudgetImpactPatientsPerYear = null)
{
    public CostRules RulesOrDefault => Rules ?? CostRules.Default;

    /// <summary>The common week after treatment the comparison reads responders at (the PSA's, when one is asked for).</summary>
    public int FollowUpWeek => Psa?.Week ?? Model.Outcomes.CohortComparison.DefaultFollowUpWeek;
}

/// <summary>The probabilistic analysis: draws of the evidence, patients per protocol in each, the effect measure and the acceptability curve's points.</summary>
public sealed record PsaPlan(int Draws, int Patients, PsaEffect Effect, int Week, IReadOnlyList<double> Wtps);

/// <summary>The deterministic analyses: a one-way tornado at a willingness to pay, and named scenarios.</summary>
public sealed record SensitivityPlan(bool OneWay, double? Wtp, IReadOnlyList<Scenario> Scenarios);
