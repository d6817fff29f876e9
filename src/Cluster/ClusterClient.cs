using Orleans.Configuration;
using Orleans.Hosting;

namespace WardTwin.Cluster;

/// <summary>How an Orleans client (the standalone dashboard, the load generator) finds the cluster's gateways.</summary>
public static class ClusterClient
{
    /// <param name="connectPatience">How long the first connection may keep trying (a silo still starting) before the client gives up with an error.</param>
    public static void Configure(IClientBuilder client, ClusterSettings cluster, int localGatewayPort, TimeSpan connectPatience)
    {
        var giveUpAt = DateTime.UtcNow + connectPatience;
        client.UseConnectionRetryFilter(async (_, cancel) =>
        {
            if (DateTime.UtcNow >= giveUpAt)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
            return true;
        });
        if (cluster.Mode == ClusterMode.Embedded)
        {
            client.UseLocalhostClustering(localGatewayPort);
            return;
        }

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ClusterId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterSettings.Invariant;
            o.ConnectionString = cluster.ConnectionString;
        });

        // A gateway that went away (its silo was killed or restarted) leaves the list within seconds.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
    }
}
