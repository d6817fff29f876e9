using System.CommandLine;
using System.Net;
using WardTwin.Cluster;

namespace WardTwin.Silo.Cli;

/// <summary>The options by which a verb joins a cluster: --cluster, --db, --cluster-id.</summary>
internal sealed class ClusterOptions
{
    public Option<string> Mode { get; } = new("--cluster")
    {
        Description = "embedded (default: a silo of its own, state in memory, no server) or postgres (join the cluster whose membership and state live in PostgreSQL)",
        DefaultValueFactory = _ => "embedded",
    };

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string for --cluster postgres (default: ${ClusterSettings.DatabaseVariable}), e.g. \"Host=127.0.0.1;Port=5432;Database=wardtwin;Username=wardtwin\"",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Silos and clients with the same cluster id (and database) form one cluster",
        DefaultValueFactory = _ => ClusterSettings.DefaultClusterId,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Mode);
        command.Options.Add(Db);
        command.Options.Add(ClusterId);
    }

    public ClusterSettings Read(ParseResult r) => ClusterSettings.Resolve(r.GetValue(Mode), r.GetValue(Db), r.GetValue(ClusterId));

    /// <summary>Before a silo starts in postgres mode: the database answers and has the schema, or one clear line.</summary>
    public static async Task PreflightAsync(ClusterSettings cluster)
    {
        if (cluster.Mode == ClusterMode.Postgres)
        {
            await DatabaseCheck.EnsureReadyAsync(cluster);
        }
    }

    public static Option<string> AdvertiseIp() => new("--advertise-ip")
    {
        Description = "With --cluster postgres: the address other silos reach this one at (default 127.0.0.1: every silo on this machine)",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new ArgumentException($"--advertise-ip: '{text}' is not an IP address");
}
