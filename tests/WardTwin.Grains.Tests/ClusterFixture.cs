using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using WardTwin.Grains;
using WardTwin.Hosting;

namespace WardTwin.Grains.Tests;

/// <summary>
/// One in-process cluster of two silos shared by every ward test (a collection runs its tests one at a time).
/// Grain timers, ward clocks and the ward keeper run on Orleans's grain clock, here one fake TimeProvider.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Breaks chosen grains on purpose (a bed that throws).</summary>
    public FaultInjection Faults { get; } = new();

    /// <summary>Counts every grain's calls (how often a job's request was fetched).</summary>
    public CallCounter Calls { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Cluster = ClusterFactory.Build(2, Time, faults: Faults, calls: Calls);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WardClusterGroup : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "ward cluster";
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
    public static InProcessTestCluster Build(int silos, TimeProvider grainTime, IDictionary<string, string?>? settings = null, FaultInjection? faults = null, CallCounter? calls = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            var values = new Dictionary<string, string?> { ["WardTwin:ShardSize"] = "40" };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            silo.Services.AddKeyedSingleton(Orleans.Runtime.TimeProviderNames.Grains, grainTime);
            silo.AddMemoryGrainStorage(WardTwinStorage.Name);
            SiloClustering.UseBinaryStateSerializer(silo.Services);
            SiloServices.Add(silo.Services, configuration);
            silo.Services.AddHostedService<WardKeeper>();
            if (faults is not null)
            {
                silo.AddIncomingGrainCallFilter(faults);
            }

            if (calls is not null)
            {
                silo.AddIncomingGrainCallFilter(calls);
            }
        });
        return builder.Build();
    }
}
