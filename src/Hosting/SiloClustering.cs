using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using WardTwin.Cluster;
using WardTwin.Grains;

namespace WardTwin.Hosting;

/// <summary>
/// How a silo joins its cluster and where grains store their state: embedded (localhost clustering, memory
/// storage) or PostgreSQL (ADO.NET membership and grain storage, schema from `db init`).
/// </summary>
public static class SiloClustering
{
    /// <param name="storeState">False only to measure what storing costs (`bench durability`): grains then keep nothing.</param>
    public static void Configure(ISiloBuilder silo, ClusterSettings cluster, SiloPlacement placement, IConfiguration configuration, bool storeState = true)
    {
        UseBinaryStateSerializer(silo.Services);
        silo.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership, new ProcessClock());
        silo.AddIncomingGrainCallFilter<GrainCallMeter>();
        if (!storeState)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(WardTwinStorage.Name, new NullGrainStorage());
        }

        if (cluster.Mode == ClusterMode.Embedded)
        {
            silo.UseLocalhostClustering(placement.SiloPort, placement.GatewayPort);
            if (storeState)
            {
                silo.AddMemoryGrainStorage(WardTwinStorage.Name);
            }

            return;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ClusterId;
        });
        silo.ConfigureEndpoints(placement.AdvertisedAddress, placement.SiloPort, placement.GatewayPort);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterSettings.Invariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        if (storeState)
        {
            silo.AddAdoNetGrainStorage(WardTwinStorage.Name, o =>
            {
                o.Invariant = ClusterSettings.Invariant;
                o.ConnectionString = cluster.ConnectionString;
            });
        }

        // A silo killed outright is declared dead after NumMissedProbesLimit probes of ProbeTimeout each
        // (Orleans's defaults take ~15 s); a lost ward waits for that, so probe faster. Orleans:ClusterMembership
        // in configuration (e.g. WARDTWIN_Orleans__ClusterMembership__ProbeTimeout=00:00:05) overrides it.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.MinProbeTimeout = TimeSpan.FromSeconds(1);
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.MaxProbeTimeout = TimeSpan.FromSeconds(4);
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:ClusterMembership"));
    }

    /// <summary>
    /// Grain state is stored with Orleans's own binary serializer (the [GenerateSerializer] records), not the default
    /// Newtonsoft JSON with embedded type names: compact, fast, and tolerant of added fields by [Id].
    /// </summary>
    public static void UseBinaryStateSerializer(IServiceCollection services) =>
        services.AddKeyedSingleton<IGrainStorageSerializer>(WardTwinStorage.Name, (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
}
