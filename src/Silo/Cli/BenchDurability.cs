using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WardTwin.Cluster;
using WardTwin.Grains;
using WardTwin.Model.Data;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>
/// `bench durability`: what storing grain state costs, in one run: grain-path cohort throughput and a live
/// ward's start time and tick lag with state kept nowhere, in memory, and (with --db) in PostgreSQL.
/// </summary>
internal static class BenchDurability
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Admissions for the cohort throughput part", DefaultValueFactory = _ => 10_000 };
        var live = new Option<int>("--live") { Description = "Beds of the live ward (real time, 1 Hz monitors)", DefaultValueFactory = _ => 10_000 };
        var seconds = new Option<double>("--seconds") { Description = "Real seconds each live ward runs", DefaultValueFactory = _ => 30 };
        var db = new Option<string?>("--db") { Description = $"PostgreSQL for the third configuration (default ${ClusterSettings.DatabaseVariable}; none: skip it)" };
        var output = new Option<string>("--out") { Description = "JSON file for the figures", Required = true };
        var data = CommonOptions.Data();
        var command = new Command("durability", "Cohort throughput and live-ward lag with grain state stored nowhere, in memory and in PostgreSQL") { patients, live, seconds, db, output, data };
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(r.GetValue(patients), r.GetValue(live), r.GetValue(seconds), r.GetValue(db), r.GetValue(output)!, r.GetValue(data))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int patients, int live, double seconds, string? db, string output, string? dataDir)
    {
        var catalog = DataCatalog.Locate(dataDir);
        var configurations = new List<(string Name, ClusterSettings Cluster, bool Store)>
        {
            ("none", ClusterSettings.Embedded, false),
            ("memory", ClusterSettings.Embedded, true),
        };
        if (!string.IsNullOrWhiteSpace(db ?? Environment.GetEnvironmentVariable(ClusterSettings.DatabaseVariable)))
        {
            var postgres = ClusterSettings.Resolve("postgres", db, $"bench-{Guid.NewGuid():N}");
            await DatabaseCheck.EnsureReadyAsync(postgres);
            configurations.Add(("postgres", postgres, true));
        }

        var rows = new JsonArray();
        double? baseRate = null, baseP99 = null;
        foreach (var (name, cluster, store) in configurations)
        {
            using var host = SiloHostFactory.Build(cluster, dataPath: catalog.Root, logLevel: Microsoft.Extensions.Logging.LogLevel.Error, storeState: store);
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            double rate = await GrainMeasures.CohortRateAsync(GrainMeasures.Engine(host.Services), CohortRequest.FromCatalog(catalog, "erasmus-7d", patients, seed: 1));
            var run = await GrainMeasures.LiveWardAsync(grains, $"durability-{name}", "erasmus-7d", live, seconds);
            await run.Ward.StopAsync();
            await host.StopAsync();
            baseRate ??= rate;
            baseP99 ??= run.P99;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: cohort {rate:0}/s, live start {run.StartSeconds:0.0} s, lag p50 {run.P50:0} p99 {run.P99:0} ms"));
            rows.Add(new JsonObject
            {
                ["storage"] = name,
                ["cohort_admissions_per_s"] = Math.Round(rate, 1),
                ["cohort_ratio_to_none"] = Math.Round(rate / baseRate.Value, 3),
                ["live_admissions"] = run.Status.Occupied,
                ["live_start_s"] = Math.Round(run.StartSeconds, 2),
                ["live_ticks"] = run.LagsMs.Length,
                ["live_lag_p50_ms"] = run.P50 is { } p50 ? Math.Round(p50, 1) : null,
                ["live_lag_p99_ms"] = run.P99 is { } p99 ? Math.Round(p99, 1) : null,
                ["live_lag_p99_ratio_to_none"] = run.P99 is { } q && baseP99 is > 0 ? Math.Round(q / baseP99.Value, 3) : null,
            });
        }

        var result = new JsonObject { ["patients"] = patients, ["live"] = live, ["seconds"] = seconds, ["cores"] = Environment.ProcessorCount, ["configurations"] = rows };
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"{"storage",-9} {"cohort/s",9} {"ratio",6} {"live start s",13} {"lag p50 ms",11} {"lag p99 ms",11} {"p99 ratio",10}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(string)row!["storage"]!,-9} {(double)row["cohort_admissions_per_s"]!,9:0} {(double)row["cohort_ratio_to_none"]!,6:0.00} {(double)row["live_start_s"]!,13:0.0} {(double?)row["live_lag_p50_ms"],11:0} {(double?)row["live_lag_p99_ms"],11:0} {(double?)row["live_lag_p99_ratio_to_none"],10:0.00}"));
        }

        Console.WriteLine($"wrote {output}");
        return 0;
    }
}
