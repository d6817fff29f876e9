using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WardTwin.Cluster;
using WardTwin.Grains;
using WardTwin.Model.Outcomes;
using WardTwin.Silo.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>Runs cohorts through the grains of a silo of this process (the default engine of `cohort`): alone, or joined to a cluster whose silos share the shards.</summary>
internal sealed class GrainCohortEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainCohortEngine(IHost host) => _host = host;

    public static async Task<GrainCohortEngine> StartAsync(string? dataPath, ClusterSettings cluster)
    {
        await ClusterOptions.PreflightAsync(cluster);
        var host = SiloHostFactory.Build(cluster, dataPath: dataPath);
        await host.StartAsync();
        return new GrainCohortEngine(host);
    }

    public async Task<AdmissionOutcome[]> RunAsync(CohortRequest request, string cohortKey, Action<int> progress)
    {
        var grain = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICohortGrain>(cohortKey);
        var run = grain.RunAsync(request);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(500));
            progress((await grain.GetProgressAsync()).Done);
        }

        return await run;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
