using System.Text.Json.Nodes;
using WardTwin.Grains;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Vitals;

namespace WardTwin.Dashboard;

/// <summary>Runs a planner's comparison through the cohort grains and builds the same summaries as the CLI.</summary>
public sealed class PlannerService(IGrainFactory grains, DataCatalogProvider data, CohortRunStore store)
{
    public async Task<CohortRun> RunAsync(IReadOnlyList<string> protocolIds, int patients, long seed, string region, string? cohort = null)
    {
        var catalog = data.Catalog;
        var parameters = catalog.LoadParameters();
        var prices = catalog.LoadPrices(region);
        var alarms = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        var protocols = protocolIds.Select(catalog.LoadProtocol).ToArray();
        string runId = Guid.NewGuid().ToString("N")[..12];
        var results = new List<CohortResult>();
        var summaries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var protocol in protocols)
        {
            var request = CohortRequest.FromCatalog(catalog, protocol.Id, patients, seed, cohortIdOrPath: cohort);
            var outcomes = await grains.GetGrain<ICohortGrain>($"planner/{runId}/{protocol.Id}").RunAsync(request);
            var result = CohortResult.Price(protocol, seed, outcomes, prices, alarms);
            results.Add(result);
            summaries[protocol.Id] = CohortSummary.Build(result);
        }

        var inputs = new RunInputs(catalog, protocolIds, protocols.Select(p => cohort ?? p.Cohort).ToArray(), null, region, null);
        var none = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var options = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["comparator"] = protocolIds[0], ["patients"] = patients.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cohort"] = cohort,
        };
        for (int i = 0; i < protocols.Length; i++)
        {
            summaries[protocols[i].Id]["provenance"] = inputs.For(i, seed, none, options);
        }

        var rows = CohortComparison.Build(results);
        var run = new CohortRun(runId, results, summaries, rows, CohortComparison.Document(rows, inputs.ForAll(seed, none, options)));
        store.Add(run);
        return run;
    }
}

/// <summary>The data folder, located once (the dashboard may run apart from the silo).</summary>
public sealed class DataCatalogProvider(Microsoft.Extensions.Options.IOptions<DashboardOptions> options, IConfiguration configuration)
{
    private readonly Lazy<DataCatalog> _catalog = new(() => DataCatalog.Locate(configuration["WardTwin:DataPath"]));

    public DataCatalog Catalog => _catalog.Value;

    public DashboardOptions Options => options.Value;
}
