using System.Text.Json.Nodes;
using WardTwin.Application.Engines;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;

namespace WardTwin.Application.Planner;

/// <summary>
/// The one-way and scenario analyses of a run. A first pass learns which parameter sets they need; each is then
/// simulated on the engine (the cluster, like any cohort), and a second pass reads the figures from them.
/// </summary>
internal static class Sensitivity
{
    public static async Task RunAsync(PlannerInputs run, SensitivityPlan plan, AdmissionOutcome[][] baseOutcomes, JsonObject document, IPlannerEngine engine, IPlannerObserver observer, CancellationToken cancellation)
    {
        var evaluator = new StrategyEvaluator(run.Protocols, p => run.CohortOf[p.Id], run.Request.RulesOrDefault, run.Request.Patients, run.Request.Seed, baseOutcomes: baseOutcomes, simulateHere: false);
        Evaluate(run, plan, evaluator);
        var missing = evaluator.Missing.ToArray();
        for (int k = 0; k < missing.Length; k++)
        {
            var (key, file) = missing[k];
            string json = file.ToJson();
            var outcomes = new AdmissionOutcome[run.Protocols.Count][];
            for (int i = 0; i < outcomes.Length; i++)
            {
                var all = new List<AdmissionOutcome>(run.Request.Patients);
                await foreach (var chunk in engine.RunCohortAsync(run.CohortRequest(i, run.Request.Patients, json), cancellation))
                {
                    all.AddRange(chunk);
                }

                outcomes[i] = [.. all];
            }

            evaluator.Provide(key, outcomes);
            observer.SensitivityProgress(k + 1, missing.Length);
        }

        Evaluate(run, plan, evaluator, document);
    }

    /// <summary>Both analyses through the evaluator; with a document, their results are written into it.</summary>
    private static void Evaluate(PlannerInputs run, SensitivityPlan plan, StrategyEvaluator evaluator, JsonObject? document = null)
    {
        if (plan.OneWay)
        {
            double wtp = run.WtpPerResponder ?? throw new ArgumentException("--wtp: the price file gives no assumed willingness to pay per responder; give one");
            var rows = OneWay.Run(evaluator, run.ParameterFile, run.Prices, wtp);
            var centre = OneWay.Base(evaluator, run.ParameterFile, run.Prices, wtp);
            if (document is not null)
            {
                document["one_way"] = SensitivityReport.OneWayJson(evaluator, rows, centre, wtp, run.Prices.Currency);
            }
        }

        if (plan.Scenarios.Count > 0)
        {
            var scenarios = SensitivityReport.ScenariosJson(evaluator, plan.Scenarios, run.ParameterFile, run.Prices);
            if (document is not null)
            {
                document["scenarios"] = scenarios;
            }
        }
    }
}
