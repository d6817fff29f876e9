using System.Diagnostics;
using Npgsql;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// A real PostgreSQL (Debian's server binaries) in a temporary folder on a free loopback port, with the Orleans
/// schema made by the project's own `db init`; stopped and removed on dispose. As root, the server runs as the
/// postgres user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"wardtwin-pg-{Guid.NewGuid():N}");
    private string _bin = "";

    public int Port { get; } = RunningSilo.FreePort();

    public string ConnectionString(string database = "wardtwin") =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=wardtwin;Timeout=5;Command Timeout=10";

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("no PostgreSQL server under /usr/lib/postgresql (scripts/install-test-deps.sh installs Debian's postgresql)");
        Directory.CreateDirectory(_dir);
        if (IsRoot)
        {
            await Run("chown", "postgres", _dir);
        }

        await AsServer("initdb", "-D", Data, "-U", "wardtwin", "--auth=trust", "-E", "UTF8");
        await StartAsync();
        await ExecuteAsync("postgres", "CREATE DATABASE wardtwin");
        var init = await Cli.Run(TimeSpan.FromMinutes(2), "db", "init", "--db", ConnectionString());
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"db init failed: {init}");
        }
    }

    private string Data => Path.Combine(_dir, "data");

    public Task StartAsync() => AsServer("pg_ctl", "-D", Data, "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1", "-l", Path.Combine(_dir, "log"), "-w", "start");

    public Task StopAsync() => AsServer("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped by a test
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task AsServer(string tool, params string[] args)
    {
        string path = Path.Combine(_bin, tool);
        return IsRoot ? Run("runuser", ["-u", "postgres", "--", path, .. args]) : Run(path, args);
    }

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}

/// <summary>The tests that run a PostgreSQL cluster of silo processes: heavy, so alone, one server for all of them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres cluster";
}
