using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WardTwin.Cluster;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>
/// `bench scaleout`: cohort throughput of one silo process pinned to one core (taskset) against two silo
/// processes on PostgreSQL membership, each pinned to its own core; the cohort's silo runs shards too.
/// </summary>
internal static partial class BenchScaleOut
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Admissions per cohort run", DefaultValueFactory = _ => 40_000 };
        var db = new Option<string?>("--db") { Description = $"PostgreSQL with the Orleans schema (default ${ClusterSettings.DatabaseVariable})" };
        var output = new Option<string>("--out") { Description = "JSON file for the figures", Required = true };
        var command = new Command("scaleout", "Cohort throughput: two silo processes (one core each) against one, on PostgreSQL membership") { patients, db, output };
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(r.GetValue(patients), r.GetValue(db), r.GetValue(output)!)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int patients, string? db, string output)
    {
        var settings = ClusterSettings.Resolve("postgres", db, null);
        await DatabaseCheck.EnsureReadyAsync(settings);
        if (!File.Exists("/usr/bin/taskset"))
        {
            throw new ArgumentException("bench scaleout pins each silo to a core with taskset (Debian util-linux), which is not on this machine");
        }

        string dll = typeof(BenchScaleOut).Assembly.Location;
        string outDir = Path.Combine(Path.GetTempPath(), $"wardtwin-scaleout-{Guid.NewGuid():N}");
        string one = $"scaleout-1-{Guid.NewGuid():N}";
        double single = await CohortRate(dll, settings, one, patients, outDir);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one silo on core 0: {single:0} admissions/s"));

        string two = $"scaleout-2-{Guid.NewGuid():N}";
        using var helper = Start(dll, "1", ["run", "--cluster", "postgres", "--db", settings.ConnectionString!, "--cluster-id", two, "--ward", "scaleout-helper", "--beds", "1",
            "--silo-port", P(SiloHostFactory.FreePort()), "--gateway-port", P(SiloHostFactory.FreePort()), "--dashboard-url", $"http://127.0.0.1:{SiloHostFactory.FreePort()}", "--for", "900"]);
        try
        {
            await WaitForLine(helper, "silo on port", TimeSpan.FromSeconds(60));
            double pair = await CohortRate(dll, settings, two, patients, outDir);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two silos on cores 0 and 1: {pair:0} admissions/s"));
            var result = new JsonObject
            {
                ["patients"] = patients,
                ["one_silo_admissions_per_s"] = Math.Round(single, 1),
                ["two_silos_admissions_per_s"] = Math.Round(pair, 1),
                ["ratio"] = Math.Round(pair / single, 3),
                ["goal_ratio"] = 1.9,
            };
            await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale-out: one silo {single:0}/s, two silos {pair:0}/s, ratio {pair / single:0.00} (goal >= 1.9)"));
            Console.WriteLine($"wrote {output}");
            return 0;
        }
        finally
        {
            helper.Kill();
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>A cohort run as its own process on core 0 (its silo joins the cluster); the rate it reports for the timed cohort alone, not its start-up.</summary>
    private static async Task<double> CohortRate(string dll, ClusterSettings settings, string clusterId, int patients, string outDir)
    {
        // Goldberg's cohort first warms every silo's JIT on the same walk; the Erasmus cohort after it is the one timed.
        using var cohort = Start(dll, "0", ["cohort", "--protocol", "goldberg-5d-inpatient", "--protocol", "erasmus-7d", "--patients", P(patients), "--seed", "1", "--out", Path.Combine(outDir, clusterId),
            "--cluster", "postgres", "--db", settings.ConnectionString!, "--cluster-id", clusterId]);
        string stderr = await cohort.StandardError.ReadToEndAsync();
        await cohort.StandardOutput.ReadToEndAsync();
        await cohort.WaitForExitAsync();
        var m = RateLine().Match(stderr);
        return cohort.ExitCode == 0 && m.Success
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"the cohort run failed (exit {cohort.ExitCode}): {stderr.Trim().Split('\n')[^1]}");
    }

    private static Process Start(string dll, string core, string[] args)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };

        // On one core, tiered JIT's background tier-up competes with the work for seconds (one silo ran 5,900/s tiered,
        // 15,600/s fully optimised); both configurations are compiled fully optimised from the first call.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        foreach (var a in new[] { "-c", core, "dotnet", dll }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForLine(Process process, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // The helper keeps writing its status line; drain it so it never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"the helper silo exited before it was up: {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }

    private static string P(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"erasmus-7d: \d+ admissions in [\d.]+ s \((\d+)/s\)")]
    private static partial Regex RateLine();
}
