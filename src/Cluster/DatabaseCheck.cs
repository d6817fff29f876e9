using System.Net.Sockets;
using Npgsql;

namespace WardTwin.Cluster;

/// <summary>
/// Looks at PostgreSQL before Orleans does, so a user gets one line that names what is wrong (unreachable,
/// refused, no schema) instead of a silo that retries its membership table for minutes.
/// </summary>
public static class DatabaseCheck
{
    /// <summary>The Orleans tables each part of the schema creates (PostgreSQL folds the unquoted names to lower case).</summary>
    public static readonly IReadOnlyList<(string Script, string Table)> Parts =
    [
        ("PostgreSQL-Main.sql", "orleansquery"),
        ("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        ("PostgreSQL-Persistence.sql", "orleansstorage"),
        ("PostgreSQL-Reminders.sql", "orleansreminderstable"),
    ];

    /// <summary>Opens a connection; the failure becomes a <see cref="DatabaseUnavailableException"/> that says where and why.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(ClusterSettings settings, CancellationToken cancel = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancel);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            string why = ex is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : Innermost(ex).Message;
            throw new DatabaseUnavailableException($"cannot reach PostgreSQL at {settings.Where}: {why}");
        }
    }

    /// <summary>The schema parts that are missing (by their script's name); empty when Orleans can start.</summary>
    public static async Task<IReadOnlyList<string>> MissingPartsAsync(NpgsqlConnection connection, CancellationToken cancel = default)
    {
        var missing = new List<string>();
        foreach (var (script, table) in Parts)
        {
            await using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
            command.Parameters.AddWithValue("t", table);
            if (!(bool)(await command.ExecuteScalarAsync(cancel))!)
            {
                missing.Add(script);
            }
        }

        return missing;
    }

    /// <summary>Reachable and with the Orleans schema, or a clear exception.</summary>
    public static async Task EnsureReadyAsync(ClusterSettings settings, CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(settings, cancel);
        var missing = await MissingPartsAsync(connection, cancel);
        if (missing.Count > 0)
        {
            throw new DatabaseUnavailableException(
                $"PostgreSQL at {settings.Where} lacks the Orleans schema (the tables of {string.Join(", ", missing)} are missing); run `db init --db ...` first");
        }
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
