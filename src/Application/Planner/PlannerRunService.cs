using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Application.Engines;
using WardTwin.Grains;
using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Vitals;

namespace WardTwin.Application.Planner;

/// <summary>
/// A planner's run, the one implementation every host uses: reads and checks every input before anything runs,
/// simulates each protocol's cohort through the engine (the cluster's grains, or the reference loop) and gathers it
/// as it streams (summary.json and patients.csv written as rows arrive), then the comparison, the PSA (draws on
/// the engine too) and the one-way and scenario analyses, and writes every file into one folder.
/// </summary>
public sealed class PlannerRunService(DataCatalog catalog, IPlannerEngine engine)
{
    /// <summary>Reads and checks every input and the output folder, simulating nothing: a host calls it before it starts a silo.</summary>
    public static void Check(DataCatalog catalog, PlannerRunRequest request, string outDir)
    {
        ArgumentNullException.ThrowIfNull(request);
        PlannerInputs.Read(catalog, request, SilentPlannerObserver.Instance);
        OutputFolder.CheckWritable(outDir);
    }

    public async Task<PlannerRunResult> RunAsync(PlannerRunRequest request, string outDir, IPlannerObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        observer ??= SilentPlannerObserver.Instance;
        var run = PlannerInputs.Read(catalog, request, observer);
        OutputFolder.Prepare(outDir, run.Protocols.Select(p => p.Id).ToArray(), request.Psa is not null);

        var totals = new List<CohortTotals>();
        var summaries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        bool keepOutcomes = request.Sensitivity is { } s && (s.OneWay || s.Scenarios.Count > 0);
        var kept = new List<AdmissionOutcome[]>();
        for (int i = 0; i < run.Protocols.Count; i++)
        {
            var (summary, cohortTotals, outcomes) = await RunCohortAsync(run, i, outDir, keepOutcomes, observer, cancellation);
            summaries[run.Protocols[i].Id] = summary;
            totals.Add(cohortTotals);
            kept.Add(outcomes);
        }

        var rows = CohortComparison.Build(totals);
        JsonObject? psa = null;
        JsonArray? draws = null;
        if (request.Psa is { } plan)
        {
            (psa, draws) = await RunPsaAsync(run, plan, outDir, observer, cancellation);
        }

        var document = CohortComparison.Document(rows, run.Inputs.ForAll(request.Seed, run.Changed, run.Options), psa);
        if (psa?["decision"] is { } decision)
        {
            psa.Remove("decision");
            document["decision"] = decision;
        }

        if (request.BudgetImpactPatientsPerYear is { } perYear)
        {
            document["budget_impact"] = BudgetImpact.Json(totals, perYear, run.HorizonYears, run.Prices.Currency);
        }
        if (request.Sensitivity is { } sensitivity && keepOutcomes)
        {
            await Sensitivity.RunAsync(run, sensitivity, [.. kept], document, engine, observer, cancellation);
        }

        OutputFolder.WriteAtomically(Path.Combine(outDir, "comparison.json"), document.ToJsonString(Indented) + "\n");
        return new PlannerRunResult(outDir, summaries, rows, document, draws);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private async Task<(JsonObject Summary, CohortTotals Totals, AdmissionOutcome[] Kept)> RunCohortAsync(
        PlannerInputs run, int i, string outDir, bool keep, IPlannerObserver observer, CancellationToken cancellation)
    {
        var protocol = run.Protocols[i];
        var request = run.CohortRequest(i, run.Request.Patients, run.ParametersJson);
        var gathered = new CohortAccumulator(protocol, run.Request.Seed, run.Prices, run.AlarmNames, run.Request.RulesOrDefault, run.Request.FollowUpWeek);
        string dir = Path.Combine(outDir, protocol.Id);
        Directory.CreateDirectory(dir);
        var kept = keep ? new List<AdmissionOutcome>() : null;
        var clock = Stopwatch.StartNew();
        using (var csv = new PatientsCsvWriter(Path.Combine(dir, "patients.csv"), protocol, run.Prices.Currency, run.AlarmNames))
        {
            await foreach (var chunk in engine.RunCohortAsync(request, cancellation))
            {
                foreach (var outcome in chunk)
                {
                    csv.Add(outcome, gathered.Add(outcome));
                }

                kept?.AddRange(chunk);
                observer.CohortProgress(protocol.Id, gathered.Patients, run.Request.Patients);
            }

            csv.Complete();
        }

        observer.CohortDone(protocol.Id, gathered.Patients, clock.Elapsed);
        var summary = CohortSummary.Build(gathered);
        if (run.Request.ParameterOverrides is { Count: > 0 } overrides)
        {
            var o = new JsonObject();
            foreach (var (name, value) in overrides.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                o[name] = value;
            }

            summary["parameter_overrides"] = o;
        }

        summary["provenance"] = run.Inputs.For(i, run.Request.Seed, run.Changed, run.Options);
        OutputFolder.WriteAtomically(Path.Combine(dir, "summary.json"), CohortSummary.ToJson(summary));
        return (summary, gathered.Totals(), kept is null ? [] : [.. kept]);
    }

    private async Task<(JsonObject Psa, JsonArray Draws)> RunPsaAsync(PlannerInputs run, PsaPlan plan, string outDir, IPlannerObserver observer, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var request = new PsaJobRequest(
            [.. Enumerable.Range(0, run.Protocols.Count).Select(i => run.CohortRequest(i, plan.Patients, run.ParametersJson ?? File.ReadAllText(run.ParametersPath)))],
            JsonSerializer.Serialize(run.Prices, DataJson.Options), run.Request.RulesOrDefault.Perspective.ToString(), run.Request.RulesOrDefault.Basis.ToString(), plan.Draws, plan.Week);
        var setup = new PsaSetup(run.Protocols, p => run.CohortOf[p.Id], run.ParameterFile, run.Prices, plan.Patients, run.Request.Seed, plan.Draws, plan.Week, Rules: run.Request.RulesOrDefault,
            Horizon: request.Protocols[0].Horizon);
        var rows = new List<PsaRow>();
        var parameterDraws = new List<IReadOnlyDictionary<string, double>>();
        var priceDraws = new List<PriceList>();
        await foreach (var draw in engine.RunPsaAsync(request, cancellation))
        {
            for (int p = 0; p < run.Protocols.Count; p++)
            {
                rows.Add(new PsaRow(draw.Draw, run.Protocols[p].Id, draw.Costs[p], draw.Effects[p]));
            }

            // What the draw took is a pure function of (seed, draw): recomputed here rather than carried.
            parameterDraws.Add(ParameterSampler.Draw(run.ParameterFile, run.Request.Seed, draw.Draw));
            priceDraws.Add(PriceSampler.Draw(run.Prices, run.Request.Seed, draw.Draw));
            observer.PsaProgress(parameterDraws.Count, plan.Draws, clock.Elapsed);
        }

        var psaRun = new PsaRun(setup, rows, parameterDraws, priceDraws);
        var json = PsaReport.Json(psaRun, plan.Effect, plan.Wtps);
        json["decision"] = Decision(run, psaRun, plan.Effect);
        OutputFolder.WriteAtomically(Path.Combine(outDir, "psa.csv"), PsaReport.LongCsv(psaRun));
        OutputFolder.WriteAtomically(Path.Combine(outDir, "psa_wide.csv"), PsaReport.WideCsv(psaRun, plan.Effect));
        observer.PsaDone(plan.Draws * plan.Patients * run.Protocols.Count, clock.Elapsed);
        return (json, PlaneDraws(psaRun, plan.Effect, run.Protocols[0].Id));
    }

    /// <summary>
    /// The decision at the country's QALY threshold(s), or (another effect, which no guideline prices) at the willingness
    /// to pay asked for, else the price file's assumed value per responder or week of relief.
    /// </summary>
    private static JsonObject Decision(PlannerInputs run, PsaRun psaRun, PsaEffect effect)
    {
        var conventions = run.Prices.ConventionsOrDefault;
        bool perQaly = effect == PsaEffect.Qalys && conventions.ThresholdsPerQaly.Count > 0;
        double? assumed = effect == PsaEffect.ReliefWeeks ? conventions.AssumedWtpPerReliefWeek : run.WtpPerResponder;
        string unit = PsaEffects.Unit(effect);
        if (!perQaly && assumed is null)
        {
            return new JsonObject { ["why_not"] = $"no threshold per {unit}: the price file ({run.Prices.Region}) gives none; give --wtp or choose --effect qalys" };
        }

        IReadOnlyList<double> thresholds = perQaly ? conventions.ThresholdsPerQaly : [assumed!.Value];
        string source = perQaly ? conventions.Source
            : effect != PsaEffect.ReliefWeeks && run.Request.Sensitivity?.Wtp is not null ? $"no guideline threshold per {unit}: the willingness to pay of --wtp"
            : $"no guideline threshold per {unit}: the price file's assumed value ({conventions.Assumed})";
        return DecisionReport.Json(psaRun, effect, thresholds, source, run.Prices.Currency, run.Request.BudgetImpactPatientsPerYear, Math.Max(run.HorizonYears, 1), conventions.DiscountCosts);
    }

    /// <summary>Each draw's effect and cost difference from the comparator, per other protocol (the CE plane's points).</summary>
    private static JsonArray PlaneDraws(PsaRun run, PsaEffect effect, string comparator)
    {
        var baseline = run.Strategy(comparator, effect);
        var result = new JsonArray();
        foreach (var p in run.Setup.Protocols.Select(p => p.Id).Where(p => p != comparator))
        {
            var other = run.Strategy(p, effect);
            var points = new JsonArray();
            for (int d = 0; d < other.Draws; d++)
            {
                points.Add(new JsonObject { ["x"] = other.Effect[d] - baseline.Effect[d], ["y"] = other.Cost[d] - baseline.Cost[d] });
            }

            result.Add(new JsonObject { ["protocol"] = p, ["points"] = points });
        }

        return result;
    }
}
