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
/// `bench scaleout`: the model alone on one core (`bench model` pinned with taskset), cohort throughput of one silo
/// process pinned to that core, and of two silo processes on PostgreSQL membership, each on its own core (the
/// cohort's silo runs shards too). Issue 24's goals: one silo per core >= 0.8 x the model per core, two silos
/// >= 1.9 x one. The three are measured in turns, the order reversed each run, and each reported as the median of
/// the runs with their spread (the machine's speed swings between minutes).
/// </summary>
internal static partial class BenchScaleOut
{
    private const double GoalPerCore = 0.8;
    private const double GoalScaleOut = 1.9;

    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Admissions per cohort run", DefaultValueFactory = _ => 80_000 };
        var runs = new Option<int>("--runs") { Description = "Runs of each configuration (medians and spreads over them)", DefaultValueFactory = _ => 3 };
        var db = new Option<string?>("--db") { Description = $"PostgreSQL with the Orleans schema (default ${ClusterSettings.DatabaseVariable})" };
        var output = new Option<string>("--out") { Description = "JSON file for the figures", Required = true };
        var command = new Command("scaleout", "The model on one core, one silo on one core, two silos on two cores (PostgreSQL membership): per-core ratio and scale-out") { patients, runs, db, output };
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(r.GetValue(patients), r.GetValue(runs), r.GetValue(db), r.GetValue(output)!)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int patients, int runs, string? db, string output)
    {
        if (runs is < 1 or > 20 || patients < 1000)
        {
            throw new ArgumentException("--runs must be within 1..20 and --patients at least 1000");
        }

        var settings = ClusterSettings.Resolve("postgres", db, null);
        await DatabaseCheck.EnsureReadyAsync(settings);
        if (!File.Exists("/usr/bin/taskset"))
        {
            throw new ArgumentException("bench scaleout pins each silo to a core with taskset (Debian util-linux), which is not on this machine");
        }

        string dll = typeof(BenchScaleOut).Assembly.Location;
        string outDir = Path.Combine(Path.GetTempPath(), $"wardtwin-scaleout-{Guid.NewGuid():N}");
        var (model, one, two) = (new List<double>(), new List<double>(), new List<double>());
        try
        {
            for (int run = 0; run < runs; run++)
            {
                Func<Task>[] turns =
                [
                    async () => model.Add(await ModelRate(dll)),
                    async () => one.Add(await CohortRate(dll, settings, $"scaleout-1-{Guid.NewGuid():N}", patients, outDir)),
                    async () => two.Add(await PairRate(dll, settings, patients, outDir)),
                ];
                foreach (var turn in run % 2 == 0 ? turns : turns.Reverse())
                {
                    await turn();
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: model on core 0 {model[^1]:0}/s, one silo on core 0 {one[^1]:0}/s, two silos on cores 0 and 1 {two[^1]:0}/s"));
            }
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }

        var (m, o, t) = (Spread.Of(model), Spread.Of(one), Spread.Of(two));
        double perCore = o.Median / m.Median, scaleOut = t.Median / o.Median;
        var result = new JsonObject
        {
            ["patients"] = patients,
            ["runs"] = runs,
            ["model_one_core_admissions_per_s"] = m.ToJson(),
            ["one_silo_admissions_per_s"] = o.ToJson(),
            ["two_silos_admissions_per_s"] = t.ToJson(),
            ["one_silo_per_model_ratio"] = Math.Round(perCore, 3),
            ["goal_one_silo_per_model_ratio"] = GoalPerCore,
            ["ratio"] = Math.Round(scaleOut, 3),
            ["goal_ratio"] = GoalScaleOut,
        };
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per core: one silo {o} against the model {m} admissions/s, ratio {perCore:0.00} (goal >= {GoalPerCore})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale-out: one silo {o}, two silos {t}/s, ratio {scaleOut:0.00} (goal >= {GoalScaleOut}); medians of {runs} runs (lowest-highest)"));
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>Two silos: a `run` silo on core 1 joins a fresh cluster, the cohort's silo on core 0 joins it and runs the cohort.</summary>
    private static async Task<double> PairRate(string dll, ClusterSettings settings, int patients, string outDir)
    {
        string clusterId = $"scaleout-2-{Guid.NewGuid():N}";
        using var helper = Start(dll, "1", ["run", "--cluster", "postgres", "--db", settings.ConnectionString!, "--cluster-id", clusterId, "--ward", "scaleout-helper", "--beds", "1",
            "--silo-port", P(SiloHostFactory.FreePort()), "--gateway-port", P(SiloHostFactory.FreePort()), "--dashboard-url", $"http://127.0.0.1:{SiloHostFactory.FreePort()}", "--for", "900"]);
        try
        {
            await WaitForLine(helper, "silo on port", TimeSpan.FromSeconds(60));
            return await CohortRate(dll, settings, clusterId, patients, outDir);
        }
        finally
        {
            helper.Kill();
            await helper.WaitForExitAsync();
        }
    }

    /// <summary>`bench model` on core 0 under the same JIT settings: the median of its rounds.</summary>
    private static async Task<double> ModelRate(string dll)
    {
        using var bench = Start(dll, "0", ["bench", "model", "--seconds", "5"]);
        string stdout = await bench.StandardOutput.ReadToEndAsync();
        string stderr = await bench.StandardError.ReadToEndAsync();
        await bench.WaitForExitAsync();
        var m = ModelLine().Match(stdout);
        return bench.ExitCode == 0 && m.Success
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"bench model failed (exit {bench.ExitCode}): {(stderr + stdout).Trim().Split('\n')[^1]}");
    }

    /// <summary>A cohort run as its own process on core 0 (its silo joins the cluster); the rate it reports for the timed cohort alone, not its start-up.</summary>
    private static async Task<double> CohortRate(string dll, ClusterSettings settings, string clusterId, int patients, string outDir)
    {
        // Goldberg's cohort first warms every silo's JIT on the same walk; the Erasmus cohort after it is the one timed.
        // The first course alone (no horizon): the work per patient `bench model` does, so the two compare (a 2-year
        // horizon walks about twice the courses and days, which made one silo look a third of the model).
        using var cohort = Start(dll, "0", ["cohort", "--protocol", "goldberg-5d-inpatient", "--protocol", "erasmus-7d", "--patients", P(patients), "--seed", "1", "--horizon-years", "0", "--out", Path.Combine(outDir, clusterId),
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

    [GeneratedRegex(@"^model: \d+ admissions/s \(best of \d+ rounds; median (\d+)\)", RegexOptions.Multiline)]
    private static partial Regex ModelLine();
}
