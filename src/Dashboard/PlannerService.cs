using System.Globalization;
using System.Text.Json.Nodes;
using WardTwin.Grains;
using WardTwin.Model.Costs;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Vitals;

namespace WardTwin.Dashboard;

/// <summary>What a planner asks: protocols (comparator first; ids or the path of an uploaded file), patients, seed, prices and rules, population, PSA.</summary>
public sealed record PlannerChoice(
    IReadOnlyList<string> Protocols, int Patients, long Seed, string Region, string? Cohort, CostRules Rules,
    IReadOnlyDictionary<string, double> PriceOverrides, int PsaDraws = 0, int PsaPatients = 0, PsaEffect PsaEffect = PsaEffect.RespondersT1);

/// <summary>
/// Runs a planner's comparison: the cohorts through the cohort grains, priced by the same calculator as the command line
/// (perspective, price basis, overrides), and, if asked, the PSA re-simulated in this process on the same patients.
/// </summary>
public sealed class PlannerService(IGrainFactory grains, DataCatalogProvider data, CohortRunStore store)
{
    public async Task<CohortRun> RunAsync(PlannerChoice c)
    {
        var catalog = data.Catalog;
        var parameters = catalog.LoadParameters();
        var prices = c.PriceOverrides.Aggregate(catalog.LoadPrices(c.Region), (p, o) => p.With(o.Key, o.Value, "a planner's own figure (dashboard)"));
        var alarms = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        var protocols = c.Protocols.Select(catalog.LoadProtocol).ToArray();
        string runId = Guid.NewGuid().ToString("N")[..12];
        var results = new List<CohortResult>();
        var summaries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (int i = 0; i < protocols.Length; i++)
        {
            var request = CohortRequest.FromCatalog(catalog, c.Protocols[i], c.Patients, c.Seed, cohortIdOrPath: c.Cohort);
            var outcomes = await grains.GetGrain<ICohortGrain>($"planner/{runId}/{protocols[i].Id}").RunAsync(request);
            var result = CohortResult.Price(protocols[i], c.Seed, outcomes, prices, alarms, c.Rules);
            results.Add(result);
            summaries[protocols[i].Id] = CohortSummary.Build(result);
        }

        var inputs = new RunInputs(catalog, c.Protocols, protocols.Select(p => c.Cohort ?? p.Cohort).ToArray(), c.Cohort, c.Region, null);
        var overrides = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (c.PriceOverrides.Count > 0)
        {
            overrides["price"] = c.PriceOverrides;
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["comparator"] = protocols[0].Id, ["patients"] = c.Patients.ToString(CultureInfo.InvariantCulture), ["cohort"] = c.Cohort,
            ["perspective"] = c.Rules.Perspective.ToString().ToLowerInvariant(), ["price_basis"] = c.Rules.Basis == PriceBasis.StaffExcluded ? "staff-excluded" : "full",
        };
        for (int i = 0; i < protocols.Length; i++)
        {
            summaries[protocols[i].Id]["provenance"] = inputs.For(i, c.Seed, overrides, options);
        }

        JsonObject? psa = null;
        JsonArray? draws = null;
        Dictionary<string, string>? psaFiles = null;
        if (c.PsaDraws > 0)
        {
            var cohorts = protocols.ToDictionary(p => p.Id, p => catalog.LoadCohort(c.Cohort ?? p.Cohort), StringComparer.Ordinal);
            var setup = new PsaSetup(protocols, p => cohorts[p.Id], ParameterFile.Load(catalog.DefaultParametersPath), prices, c.PsaPatients, c.Seed, c.PsaDraws,
                CohortComparison.DefaultFollowUpWeek, Rules: c.Rules);
            var run = await Task.Run(() => PsaRunner.Run(setup));
            double max = PsaEffects.DefaultWtpMax(c.PsaEffect);
            psa = PsaReport.Json(run, c.PsaEffect, [.. Enumerable.Range(0, 101).Select(k => k * max / 100)]);
            draws = PsaDraws(run, c.PsaEffect, protocols[0].Id);
            psaFiles = new(StringComparer.Ordinal) { ["psa.csv"] = PsaReport.LongCsv(run), ["psa_wide.csv"] = PsaReport.WideCsv(run, c.PsaEffect) };
        }

        var rows = CohortComparison.Build(results);
        var document = CohortComparison.Document(rows, inputs.ForAll(c.Seed, overrides, options), psa);
        var cohortRun = new CohortRun(runId, results, summaries, rows, document, draws, psaFiles);
        store.Add(cohortRun);
        return cohortRun;
    }

    /// <summary>Each draw's effect and cost difference from the comparator, per other protocol (the CE plane's points).</summary>
    private static JsonArray PsaDraws(PsaRun run, PsaEffect effect, string comparator)
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

/// <summary>The data folder, located once (the dashboard may run apart from the silo).</summary>
public sealed class DataCatalogProvider(Microsoft.Extensions.Options.IOptions<DashboardOptions> options, IConfiguration configuration)
{
    private readonly Lazy<DataCatalog> _catalog = new(() => DataCatalog.Locate(configuration["WardTwin:DataPath"]));

    public DataCatalog Catalog => _catalog.Value;

    public DashboardOptions Options => options.Value;
}
