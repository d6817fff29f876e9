using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WardTwin.Application.Engines;
using WardTwin.Cluster;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>A silo of this process for a planner verb (alone, or joined to a cluster whose silos share the jobs' work), and the grain engine over it.</summary>
internal sealed class GrainCohortEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainCohortEngine(IHost host)
    {
        _host = host;
        Engine = new GrainPlannerEngine(host.Services.GetRequiredService<IGrainFactory>(), host.Services.GetRequiredService<ILogger<GrainPlannerEngine>>());
    }

    public GrainPlannerEngine Engine { get; }

    public static async Task<GrainCohortEngine> StartAsync(string? dataPath, ClusterSettings cluster)
    {
        await ClusterOptions.PreflightAsync(cluster);
        var host = SiloHostFactory.Build(cluster, dataPath: dataPath, handleSignals: false);
        await host.StartAsync();
        return new GrainCohortEngine(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
