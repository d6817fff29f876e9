using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using WardTwin.Grains;
using WardTwin.Silo.Hosting;

namespace WardTwin.Grains.Tests;

/// <summary>An in-process cluster of two silos whose ward clocks run on one fake TimeProvider.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Cluster = ClusterFactory.Build(2, Time);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The same with one silo, to compare a cohort's result across cluster sizes.</summary>
public sealed class OneSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = ClusterFactory.Build(1, new FakeTimeProvider());
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

internal static class ClusterFactory
{
    public static InProcessTestCluster Build(int silos, TimeProvider wardClock)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WardTwin:ShardSize"] = "40" }).Build();
            silo.Services.AddKeyedSingleton(WardGrain.ClockKey, wardClock);
            SiloHostFactory.ConfigureServices(silo.Services, configuration);
        });
        return builder.Build();
    }
}
