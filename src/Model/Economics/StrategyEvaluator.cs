using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Economics;

/// <summary>
/// Mean cost and T1 responders per patient of each protocol under given parameters and prices, on the same
/// virtual patients (one seed). Simulations are kept per parameter set, so prices alone re-price them.
/// </summary>
/// <param name="baseOutcomes">The protocols' cohorts already run under the base parameters (key "base"), if a caller has them.</param>
public sealed class StrategyEvaluator(IReadOnlyList<Protocol> protocols, Func<Protocol, Cohort> cohortOf, CostRules rules, int patients, long seed, int threads = -1, AdmissionOutcome[][]? baseOutcomes = null)
{
    private readonly Dictionary<string, AdmissionOutcome[][]> _simulated = baseOutcomes is null
        ? new(StringComparer.Ordinal)
        : new(StringComparer.Ordinal) { ["base"] = baseOutcomes };

    public IReadOnlyList<Protocol> Protocols => protocols;

    /// <param name="parametersKey">Names the parameter set, so its simulations are reused for other prices.</param>
    public (double Cost, double Effect)[] Evaluate(string parametersKey, ParameterFile parameters, PriceList prices)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_simulated.TryGetValue(parametersKey, out var outcomes))
        {
            var model = ModelParameters.From(parameters);
            outcomes = protocols.Select(p => new CohortRunner(p, cohortOf(p), model).Run(patients, seed, threads)).ToArray();
            _simulated[parametersKey] = outcomes;
        }

        var calculator = new CostCalculator(prices, rules);
        return protocols.Select((p, i) => (outcomes[i].Average(o => calculator.Cost(p, o).Total), PsaEffects.Mean(PsaEffect.RespondersT1, outcomes[i], 1))).ToArray();
    }
}
