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
/// <param name="simulateHere">False: a parameter set not yet provided is not simulated in this process but noted in
/// <see cref="Missing"/> (its figures are NaN), so a caller can run a first pass to learn what to simulate elsewhere.</param>
public sealed class StrategyEvaluator(IReadOnlyList<Protocol> protocols, Func<Protocol, Cohort> cohortOf, CostRules rules, int patients, long seed, int threads = -1, AdmissionOutcome[][]? baseOutcomes = null, bool simulateHere = true,
    HorizonSettings? horizon = null)
{
    private readonly Dictionary<string, AdmissionOutcome[][]> _simulated = baseOutcomes is null
        ? new(StringComparer.Ordinal)
        : new(StringComparer.Ordinal) { ["base"] = baseOutcomes };

    private readonly Dictionary<string, ParameterFile> _missing = new(StringComparer.Ordinal);

    public IReadOnlyList<Protocol> Protocols => protocols;

    /// <summary>Parameter sets asked for but neither provided nor simulated here, by key.</summary>
    public IReadOnlyDictionary<string, ParameterFile> Missing => _missing;

    /// <summary>Every protocol's cohort under one parameter set, simulated elsewhere (in the evaluator's protocol order).</summary>
    public void Provide(string parametersKey, AdmissionOutcome[][] outcomes)
    {
        _simulated[parametersKey] = outcomes;
        _missing.Remove(parametersKey);
    }

    /// <param name="parametersKey">Names the parameter set, so its simulations are reused for other prices.</param>
    public (double Cost, double Effect)[] Evaluate(string parametersKey, ParameterFile parameters, PriceList prices)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_simulated.TryGetValue(parametersKey, out var outcomes))
        {
            if (!simulateHere)
            {
                _missing.TryAdd(parametersKey, parameters);
                return [.. protocols.Select(_ => (double.NaN, double.NaN))];
            }

            var model = ModelParameters.From(parameters);
            outcomes = protocols.Select(p => new CohortRunner(p, cohortOf(p), model, horizon).Run(patients, seed, threads)).ToArray();
            _simulated[parametersKey] = outcomes;
        }

        var calculator = new CostCalculator(prices, rules);
        return protocols.Select((p, i) => (outcomes[i].Average(o => HorizonCosts.Total(calculator, p, o, prices.ConventionsOrDefault.DiscountCosts)), PsaEffects.Mean(PsaEffect.RespondersT1, outcomes[i], 1))).ToArray();
    }
}
