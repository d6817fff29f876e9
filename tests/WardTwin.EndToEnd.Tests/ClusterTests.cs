using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// Cluster mode on a real PostgreSQL with silo processes: a silo killed (SIGKILL) mid-cohort and under a live
/// ward, PostgreSQL restarted under a running ward with a standalone dashboard, and bad database input.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed partial class ClusterTests(PostgresServer pg, ITestOutputHelper output)
{
    private string[] Cluster(string clusterId) => ["--cluster", "postgres", "--db", pg.ConnectionString(), "--cluster-id", clusterId];

    private static readonly Dictionary<string, string> SlowShards = new()
    {
        ["WARDTWIN_WardTwin__ShardPauseMs"] = "300",
        ["WARDTWIN_WardTwin__ShardConcurrency"] = "1",
    };

    [Fact]
    public async Task Killing_a_silo_mid_cohort_loses_no_admission_and_gives_the_same_bytes_as_an_undisturbed_run()
    {
        await using var helper = await RunningSilo.StartAsync(SlowShards, "127.0.0.1", [.. Cluster("cohort-drill"), "--ward", "helper", "--beds", "1"]);
        string dir = Cli.TempDir();
        var cohort = Cli.RunProgram(Cli.SiloDll, TimeSpan.FromMinutes(5), SlowShards, ["cohort", "--protocol", "erasmus-7d", "--patients", "2000", "--seed", "13", "--out", Path.Combine(dir, "cluster"), .. Cluster("cohort-drill")]);

        // Kill the helper silo once it has run shards of this cohort, while the cohort is still going.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CohortAdmissions(helper) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline && !cohort.IsCompleted, $"the helper silo never ran a shard:\n{helper.Output}\n{(cohort.IsCompleted ? (await cohort).ToString() : string.Empty)}");
            await Task.Delay(100);
        }

        Assert.False(cohort.IsCompleted, "the kill should land mid-cohort");
        long ranByHelper = await CohortAdmissions(helper);
        helper.Kill();
        var result = await cohort;
        Assert.True(result.ExitCode == 0, result.ToString());

        var reference = await Cli.Run(TimeSpan.FromMinutes(3), "cohort", "--protocol", "erasmus-7d", "--patients", "2000", "--seed", "13", "--engine", "reference", "--out", Path.Combine(dir, "reference"));
        Assert.Equal(0, reference.ExitCode);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(dir, "reference", "erasmus-7d", "summary.json")),
            await File.ReadAllBytesAsync(Path.Combine(dir, "cluster", "erasmus-7d", "summary.json")));
        var rows = await File.ReadAllLinesAsync(Path.Combine(dir, "cluster", "erasmus-7d", "patients.csv"));
        Assert.Equal(2001, rows.Length);
        output.WriteLine($"the killed silo had run {ranByHelper} of 2000 admissions before SIGKILL; the cohort completed with the reference engine's bytes");
    }

    [Fact]
    public async Task Both_silos_run_draws_of_one_psa_and_killing_one_mid_psa_loses_nothing_and_gives_the_reference_engines_bytes()
    {
        await using var helper = await RunningSilo.StartAsync(SlowShards, "127.0.0.1", [.. Cluster("psa-drill"), "--ward", "psa-helper", "--beds", "1"]);
        string dir = Cli.TempDir();
        string[] psa = ["cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients", "40", "--seed", "13", "--psa", "60", "--psa-patients", "40"];
        var run = Cli.RunProgram(Cli.SiloDll, TimeSpan.FromMinutes(5), SlowShards, [.. psa, "--out", Path.Combine(dir, "cluster"), .. Cluster("psa-drill")]);

        // The helper silo takes draws of this PSA (its own silo the others): kill it while draws are still to run.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await PsaAdmissions(helper) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline && !run.IsCompleted, $"the helper silo never ran a draw:\n{helper.Output}\n{(run.IsCompleted ? (await run).ToString() : string.Empty)}");
            await Task.Delay(100);
        }

        Assert.False(run.IsCompleted, "the kill should land mid-PSA");
        long ranByHelper = await PsaAdmissions(helper);
        helper.Kill();
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());

        var reference = await Cli.Run(TimeSpan.FromMinutes(3), [.. psa, "--engine", "reference", "--out", Path.Combine(dir, "reference")]);
        Assert.True(reference.ExitCode == 0, reference.ToString());
        foreach (string file in new[] { "psa.csv", "psa_wide.csv", "comparison.json", Path.Combine("erasmus-7d", "summary.json") })
        {
            byte[] expected = await File.ReadAllBytesAsync(Path.Combine(dir, "reference", file));
            byte[] actual = await File.ReadAllBytesAsync(Path.Combine(dir, "cluster", file));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} differs from the reference engine's");
        }

        output.WriteLine($"the killed silo had run {ranByHelper} PSA admissions ({ranByHelper / 80} draws of 2 x 40) before SIGKILL; the PSA completed with the reference engine's bytes");
    }

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_live_ward_resumes_it_on_the_other_silo_with_no_admission_lost()
    {
        string[] ward = [.. Cluster("ward-drill"), "--ward", "live", "--beds", "10", "--time-scale", "60"];
        await using var a = await RunningSilo.StartAsync(null, "127.0.0.1", ward);
        await using var b = await RunningSilo.StartAsync(null, "127.0.0.1", ward);
        var status = await Status(a, "live");
        var (host, survivor) = a.Hosts((string)status!["host"]!) ? (a, b) : (b, a);
        Assert.True(host.Hosts((string)status["host"]!), $"neither silo hosts the ward: {status["host"]}");

        var rate = await host.Http.PostAsJsonAsync(host.BaseUrl + "/api/patients/live/3/rate", new { rateMgPerH = 5 });
        Assert.True(rate.IsSuccessStatusCode, await rate.Content.ReadAsStringAsync());
        double simAtKill = (double)(await Status(host, "live"))!["simTimeH"]!;
        var clock = Stopwatch.StartNew();
        host.Kill();

        JsonNode? after = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            after = await TryStatus(survivor, "live");
            if (after is not null && (double)after["simTimeH"]! > simAtKill + (2.0 / 60) && survivor.Hosts((string)after["host"]!))
            {
                break;
            }

            await Task.Delay(100);
        }

        var recovery = clock.Elapsed;
        Assert.True(after is not null && survivor.Hosts((string)after["host"]!) && (double)after["simTimeH"]! > simAtKill, $"the ward did not move again on the other silo:\n{survivor.Output}");
        Assert.Equal(10, (int)after!["admitted"]!);
        Assert.Equal(10, (int)after["occupied"]!);
        var patient = await survivor.Http.GetFromJsonAsync<JsonNode>(survivor.BaseUrl + "/api/patients/live/3");
        Assert.Contains(patient!["patient"]!["log"]!.AsArray(), l => ((string)l!).Contains("set rate 5 mg/h by hand", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGKILL of the ward's silo to the ward moving again on the other silo: {recovery.TotalSeconds:0.0} s (sim {simAtKill:0.000} h -> {(double)after["simTimeH"]!:0.000} h)"));
    }

    [Fact]
    public async Task PostgreSQL_restarted_under_a_running_ward_loses_nothing_and_the_dashboard_client_outlives_a_silo_restart()
    {
        int siloPort = RunningSilo.FreePort();
        int gateway = RunningSilo.FreePort();
        string[] ward = [.. Cluster("pg-drill"), "--ward", "pgward", "--beds", "4", "--time-scale", "60", "--silo-port-override", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port-override", gateway.ToString(CultureInfo.InvariantCulture)];
        var silo = await RunningSilo.StartAsync(null, "127.0.0.1", ward);
        using var dashboard = StartDashboard("pg-drill", out string dashboardUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            var seen = await Eventually(async () => await TryGet(http, dashboardUrl + "/api/wards/pgward"), s => s is not null, "the standalone dashboard to see the ward");
            double before = (double)seen!["simTimeH"]!;

            DateTime lastWrite = await pg.ScalarAsync<DateTime>("SELECT max(modifiedon) FROM orleansstorage");
            await pg.StopAsync();

            // The ward has found the database gone (its next state write failed) before anything is asked of it.
            await Eventually(() => Task.FromResult(silo.Output.Contains("could not store its state", StringComparison.Ordinal)), seen => seen, "the ward's silo to find PostgreSQL down");
            var refused = await http.PostAsJsonAsync(dashboardUrl + "/api/patients/pgward/1/rate", new { rateMgPerH = 6 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("could not store the change", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await Eventually(async () => await TryGet(http, dashboardUrl + "/api/wards/pgward"), s => s is not null && (double)s["simTimeH"]! > before, "the ward to go on while PostgreSQL is down");

            var restarted = Stopwatch.StartNew();
            await pg.StartAsync();
            await Eventually(async () => await pg.ScalarAsync<DateTime>("SELECT max(modifiedon) FROM orleansstorage"), t => t > lastWrite, "a write after PostgreSQL restarted");
            var firstWrite = restarted.Elapsed;
            Assert.Contains("could not store its state", silo.Output, StringComparison.Ordinal);
            Assert.Contains("stored its state again after", silo.Output, StringComparison.Ordinal);
            var accepted = await http.PostAsJsonAsync(dashboardUrl + "/api/patients/pgward/1/rate", new { rateMgPerH = 6 });
            Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());

            // The silo dies and comes back on the same ports: the dashboard client reconnects by itself, the ward continues.
            double atKill = (double)(await TryGet(http, dashboardUrl + "/api/wards/pgward"))!["simTimeH"]!;
            silo.Kill();
            await silo.DisposeAsync();
            silo = await RunningSilo.StartAsync(null, "127.0.0.1", ward);
            var back = await Eventually(async () => await TryGet(http, dashboardUrl + "/api/wards/pgward"), s => s is not null && (double)s["simTimeH"]! > atKill, "the dashboard to see the ward again after the silo restart");
            Assert.Equal(4, (int)back!["admitted"]!);
            var patient = await http.GetFromJsonAsync<JsonNode>(dashboardUrl + "/api/patients/pgward/1");
            Assert.Contains(patient!["patient"]!["log"]!.AsArray(), l => ((string)l!).Contains("set rate 6 mg/h by hand", StringComparison.Ordinal));
            Assert.Single(patient["patient"]!["log"]!.AsArray(), l => ((string)l!).Contains("set rate 6 mg/h by hand", StringComparison.Ordinal));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL start to the first successful grain write: {firstWrite.TotalSeconds:0.0} s"));
        }
        finally
        {
            dashboard.Kill(entireProcessTree: true);
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bad_database_input_gets_one_clear_line_and_a_non_zero_exit()
    {
        var noDb = await Cli.Run(TimeSpan.FromMinutes(1), "run", "--cluster", "postgres", "--for", "5");
        Assert.Equal(2, noDb.ExitCode);
        Assert.Contains("PostgreSQL cluster mode needs a connection string", noDb.Stderr, StringComparison.Ordinal);

        var garbage = await Cli.Run(TimeSpan.FromMinutes(1), "cohort", "--protocol", "erasmus-7d", "--patients", "10", "--out", Cli.TempDir(), "--cluster", "postgres", "--db", "this is not a connection string");
        Assert.Equal(2, garbage.ExitCode);
        Assert.Contains("--db: not a usable PostgreSQL connection string", garbage.Stderr, StringComparison.Ordinal);

        int nothing = RunningSilo.FreePort();
        var down = await Cli.Run(TimeSpan.FromMinutes(1), "run", "--cluster", "postgres", "--db", $"Host=127.0.0.1;Port={nothing};Database=wardtwin;Username=wardtwin", "--for", "5");
        Assert.Equal(2, down.ExitCode);
        Assert.Contains($"cannot reach PostgreSQL at 127.0.0.1:{nothing}", down.Stderr, StringComparison.Ordinal);
        Assert.Single(down.Stderr.Trim().Split('\n'));

        await pg.ExecuteAsync("postgres", "DROP DATABASE IF EXISTS empty");
        await pg.ExecuteAsync("postgres", "CREATE DATABASE empty");
        var schema = await Cli.Run(TimeSpan.FromMinutes(1), "run", "--cluster", "postgres", "--db", pg.ConnectionString("empty"), "--for", "5");
        Assert.Equal(2, schema.ExitCode);
        Assert.Contains("the tables of PostgreSQL-Main.sql, PostgreSQL-Clustering.sql", schema.Stderr, StringComparison.Ordinal);
        Assert.Contains("run `db init", schema.Stderr, StringComparison.Ordinal);

        var init = await Cli.Run(TimeSpan.FromMinutes(1), "db", "init", "--db", pg.ConnectionString("empty"));
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("ran PostgreSQL-Main.sql, PostgreSQL-Clustering.sql, PostgreSQL-Persistence.sql, PostgreSQL-Reminders.sql", init.Stdout, StringComparison.Ordinal);
        var again = await Cli.Run(TimeSpan.FromMinutes(1), "db", "init", "--db", pg.ConnectionString("empty"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already complete", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1L, await pg.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname = 'empty'"));

        var load = await Cli.RunProgram(Cli.LoadDll, TimeSpan.FromMinutes(2), null, ["--cluster", "postgres", "--db", $"Host=127.0.0.1;Port={nothing};Database=x;Username=x", "--duration", "5s", "--out", Path.Combine(Cli.TempDir(), "load.json")]);
        Assert.NotEqual(0, load.ExitCode);
        Assert.StartsWith($"error: cannot reach PostgreSQL at 127.0.0.1:{nothing}", load.Stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", load.Stdout + load.Stderr, StringComparison.Ordinal);
        Assert.Single(load.Stderr.Trim().Split('\n'));
    }

    private static async Task<long> CohortAdmissions(RunningSilo silo)
    {
        string metrics = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        var m = CohortAdmissionsLine().Match(metrics);
        return m.Success ? (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Admissions of PSA draws a silo ran (its cohort-admissions counter, protocol "psa").</summary>
    private static async Task<long> PsaAdmissions(RunningSilo silo)
    {
        string metrics = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        return PsaAdmissionsLine().Matches(metrics).Sum(m => (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^wardtwin_cohort_admissions_total\{protocol=""psa""\}\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex PsaAdmissionsLine();

    [GeneratedRegex(@"^wardtwin_cohort_admissions\S*\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex CohortAdmissionsLine();

    private static async Task<JsonNode?> Status(RunningSilo silo, string ward) => await silo.Http.GetFromJsonAsync<JsonNode>($"{silo.BaseUrl}/api/wards/{ward}");

    private static async Task<JsonNode?> TryStatus(RunningSilo silo, string ward)
    {
        try
        {
            var r = await silo.Http.GetAsync($"{silo.BaseUrl}/api/wards/{ward}");
            return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<JsonNode?> TryGet(HttpClient http, string url)
    {
        try
        {
            var r = await http.GetAsync(url);
            return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            T value = default!;
            try
            {
                value = await probe();
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or HttpRequestException or TaskCanceledException)
            {
                // not there yet
            }

            if (value is not null && done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"waited 90 s for {what}");
            await Task.Delay(200);
        }
    }

    private Process StartDashboard(string clusterId, out string url)
    {
        int port = RunningSilo.FreePort();
        url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "WardTwin.Dashboard.dll"), "--urls", url, "--Dashboard:Cluster", "postgres", "--Dashboard:Db", pg.ConnectionString(), "--Dashboard:ClusterId", clusterId })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync().Ignore();
        process.StandardError.ReadToEndAsync().Ignore();
        return process;
    }
}
