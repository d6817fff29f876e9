using WardTwin.Application.Engines;
using WardTwin.Application.Planner;
using WardTwin.Model.Data;

namespace WardTwin.Dashboard;

/// <summary>
/// The planner page's runs: the same <see cref="PlannerRunService"/> as the command line, on the cluster's grains
/// (this process simulates nothing), each run's files in a folder of its own kept for download.
/// </summary>
public sealed class PlannerService(IGrainFactory grains, ILogger<GrainPlannerEngine> engineLog, DataCatalogProvider data, CohortRunStore store)
{
    public async Task<CohortRun> RunAsync(PlannerRunRequest request, CancellationToken cancellation)
    {
        string runId = Guid.NewGuid().ToString("N")[..12];
        string folder = store.FolderFor(runId);
        try
        {
            var result = await new PlannerRunService(data.Catalog, new GrainPlannerEngine(grains, engineLog)).RunAsync(request, folder, cancellation: cancellation);
            var run = new CohortRun(runId, result);
            store.Add(run);
            return run;
        }
        catch
        {
            store.Discard(folder);
            throw;
        }
    }
}

/// <summary>The data folder, located once (the dashboard may run apart from the silo).</summary>
public sealed class DataCatalogProvider(Microsoft.Extensions.Options.IOptions<DashboardOptions> options, IConfiguration configuration)
{
    private readonly Lazy<DataCatalog> _catalog = new(() => DataCatalog.Locate(configuration["WardTwin:DataPath"]));

    public DataCatalog Catalog => _catalog.Value;

    public DashboardOptions Options => options.Value;
}
