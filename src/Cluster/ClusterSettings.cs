using Npgsql;

namespace WardTwin.Cluster;

/// <summary>How a process joins a WardTwin cluster: the mode, PostgreSQL's connection string and the cluster id.</summary>
public sealed record ClusterSettings(ClusterMode Mode, string? ConnectionString, string ClusterId)
{
    /// <summary>The environment variable that holds the connection string when --db is not given.</summary>
    public const string DatabaseVariable = "WARDTWIN_DB";

    public const string DefaultClusterId = "wardtwin";

    /// <summary>Connections each process may hold when the connection string names no pool size.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Orleans's invariant name for Npgsql in its ADO.NET options.</summary>
    public const string Invariant = "Npgsql";

    public static ClusterSettings Embedded { get; } = new(ClusterMode.Embedded, null, DefaultClusterId);

    /// <summary>Reads --cluster, --db (else WARDTWIN_DB) and --cluster-id; a bad combination is an ArgumentException naming the option.</summary>
    public static ClusterSettings Resolve(string? mode, string? db, string? clusterId)
    {
        var m = (mode ?? "embedded").ToLowerInvariant() switch
        {
            "embedded" or "localhost" => ClusterMode.Embedded,
            "postgres" or "postgresql" => ClusterMode.Postgres,
            _ => throw new ArgumentException($"--cluster: '{mode}' is not one of embedded, postgres"),
        };
        string id = string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId;
        if (m == ClusterMode.Embedded)
        {
            return new ClusterSettings(m, null, id);
        }

        string? connection = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(DatabaseVariable) : db;
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException($"PostgreSQL cluster mode needs a connection string: --db \"Host=...;Database=...;Username=...\" (the standalone dashboard: Dashboard:Db) or the environment variable {DatabaseVariable}");
        }

        return new ClusterSettings(m, Validated(connection), id);
    }

    /// <summary>Host, port and database of the connection string, without the password, for messages.</summary>
    public string Where
    {
        get
        {
            if (ConnectionString is null)
            {
                return "localhost (embedded)";
            }

            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{b.Host}:{b.Port} database {b.Database ?? b.Username}";
        }
    }

    private static string Validated(string connection)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connection);
            if (string.IsNullOrWhiteSpace(b.Host))
            {
                throw new ArgumentException("it names no Host");
            }

            // Npgsql's default pool (100) meets PostgreSQL's default max_connections (100): two silos and a
            // dashboard would be refused ("too many clients"). A smaller pool queues instead; set your own to change it.
            if (!connection.Contains("pool size", StringComparison.OrdinalIgnoreCase))
            {
                b.MaxPoolSize = DefaultMaxPoolSize;
            }

            return b.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--db: not a usable PostgreSQL connection string ({ex.Message})");
        }
    }
}
