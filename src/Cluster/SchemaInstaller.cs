using Npgsql;

namespace WardTwin.Cluster;

/// <summary>
/// Creates Orleans's PostgreSQL schema from its own scripts (vendored unchanged in shared/): Main first,
/// then each part whose table is missing, each in one transaction. Idempotent: a part already there is
/// left alone, because the scripts themselves cannot be run twice.
/// </summary>
public static class SchemaInstaller
{
    public const string ScriptsFolder = "shared/vendor/orleans-adonet/postgresql";

    /// <summary>The scripts folder: the given one, or the shared copy beside the repository.</summary>
    public static string LocateScripts(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Directory.Exists(given) ? Path.GetFullPath(given) : throw new ArgumentException($"--scripts: folder '{given}' does not exist");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, ScriptsFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException($"--scripts: no {ScriptsFolder} found above this folder or the program's; give the folder of Orleans's PostgreSQL scripts");
    }

    /// <summary>Runs the missing parts; returns what it created (empty: the schema was already complete).</summary>
    public static async Task<IReadOnlyList<string>> InstallAsync(ClusterSettings settings, string scriptsFolder, CancellationToken cancel = default)
    {
        foreach (var (script, _) in DatabaseCheck.Parts)
        {
            if (!File.Exists(Path.Combine(scriptsFolder, script)))
            {
                throw new ArgumentException($"--scripts: {scriptsFolder} has no {script}");
            }
        }

        await using var connection = await DatabaseCheck.OpenAsync(settings, cancel);
        var missing = await DatabaseCheck.MissingPartsAsync(connection, cancel);
        foreach (string script in missing)
        {
            string sql = await File.ReadAllTextAsync(Path.Combine(scriptsFolder, script), cancel);
            await using var transaction = await connection.BeginTransactionAsync(cancel);
            try
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancel);
            }
            catch (PostgresException ex)
            {
                // Rolled back: the database is as it was. A part whose table is missing but whose other objects exist
                // (someone dropped a table by hand) cannot be re-run by Orleans's scripts.
                throw new DatabaseUnavailableException(
                    $"{script} failed in {settings.Where} ({ex.SqlState}: {ex.MessageText}); nothing of it was applied. If the schema is partly there, drop the Orleans objects or use an empty database");
            }

            await transaction.CommitAsync(cancel);
        }

        return missing;
    }
}
