using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WardTwin.Grains;
using WardTwin.Model.Data;
using WardTwin.Model.Simulation;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>
/// `bench grains`: in one run, cohort throughput through the grains against the reference engine (both
/// on all cores), then a live ward of N admissions in real time with 1 Hz monitors: tick lag and memory.
/// </summary>
internal static class BenchGrains
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Admissions for the cohort throughput part", DefaultValueFactory = _ => 10_000 };
        var live = new Option<int>("--live") { Description = "Live admissions (beds) for the real-time part", DefaultValueFactory = _ => 10_000 };
        var seconds = new Option<double>("--seconds") { Description = "Real seconds the live ward runs", DefaultValueFactory = _ => 30 };
        var output = new Option<string>("--out") { Description = "JSON file for the figures", Required = true };
        var data = CommonOptions.Data();
        var cluster = new ClusterOptions();
        var command = new Command("grains", "Cohort throughput through grains vs the reference engine, and a live ward's lag and memory") { patients, live, seconds, output, data };
        cluster.AddTo(command);
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(r.GetValue(patients), r.GetValue(live), r.GetValue(seconds), r.GetValue(output)!, r.GetValue(data), cluster.Read(r))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int patients, int live, double seconds, string output, string? dataDir, WardTwin.Cluster.ClusterSettings cluster)
    {
        await ClusterOptions.PreflightAsync(cluster);
        var catalog = DataCatalog.Locate(dataDir);
        var protocol = catalog.LoadProtocol("erasmus-7d");
        var runner = new CohortRunner(protocol, catalog.LoadCohort(protocol.Cohort), catalog.LoadParameters());
        using var host = SiloHostFactory.Build(cluster, dataPath: catalog.Root, logLevel: Microsoft.Extensions.Logging.LogLevel.Error);
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var request = CohortRequest.FromCatalog(catalog, protocol.Id, patients, seed: 1);

        // Both engines warm up (JIT tiers up) before either is timed, so neither pays for it.
        double grainRate = await GrainMeasures.CohortRateAsync(GrainMeasures.Engine(host.Services), request, warmReference: runner);
        Console.Error.WriteLine($"grain engine: {grainRate:0} admissions/s");
        var clock = Stopwatch.StartNew();
        runner.Run(patients, seed: 1);
        double referenceRate = patients / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"reference engine: {referenceRate:0} admissions/s");

        var (managedBefore, before) = GrainMeasures.Settle();
        Console.Error.WriteLine($"live ward of {live} admissions; running {seconds:0} s in real time");
        var run = await GrainMeasures.LiveWardAsync(grains, "bench-live", protocol.Id, live, seconds);
        var (lags, status) = (run.LagsMs, run.Status);
        var (managedAfter, after) = GrainMeasures.Settle();
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        long samples = 0;
        foreach (var bed in status.BedList.Where(b => b.AdmissionId is not null).Take(200))
        {
            samples += await grains.GetGrain<IBedsideMonitorGrain>(bed.AdmissionId!).GetSampleCountAsync();
        }

        double p99 = run.P99 ?? double.NaN;
        if (lags.Length == 0)
        {
            Console.Error.WriteLine($"the live ward ran {run.TickLagsMs.Length} ticks, none after the first {LiveRun.WarmupTicks} (its warm-up): run it longer (--seconds) for a tick lag");
        }

        var result = new JsonObject
        {
            ["protocol"] = protocol.Id,
            ["patients"] = patients,
            ["grain_admissions_per_s"] = Math.Round(grainRate, 1),
            ["reference_admissions_per_s"] = Math.Round(referenceRate, 1),
            ["ratio"] = Math.Round(grainRate / referenceRate, 3),
            ["live_admissions"] = status.Occupied,
            ["live_seconds"] = seconds,
            ["live_ticks"] = lags.Length,
            ["live_lag_p50_ms"] = lags.Length == 0 ? null : Math.Round(lags[lags.Length / 2], 1),
            ["live_lag_p99_ms"] = double.IsNaN(p99) ? null : Math.Round(p99, 1),
            ["live_lag_max_ms"] = lags.Length == 0 ? null : Math.Round(lags[^1], 1),
            ["live_warmup_ticks"] = LiveRun.WarmupTicks,
            ["live_warmup_lag_max_ms"] = run.WarmupMaxMs is { } w ? Math.Round(w, 1) : null,
            ["live_tick_lags_ms"] = new JsonArray([.. run.TickLagsMs.Select(l => (JsonNode?)Math.Round(l, 1))]),
            ["live_sim_time_h"] = Math.Round(status.SimTimeH, 4),
            ["monitor_samples_per_s_sampled_200"] = Math.Round(samples / seconds, 1),
            ["peak_working_set_bytes"] = peak,
            ["gc"] = GcInEffect.Describe(),
            ["working_set_before_live_bytes"] = before,
            ["working_set_live_bytes"] = after,
            ["bytes_per_live_admission"] = status.Occupied == 0 ? null : (after - before) / status.Occupied,
            ["managed_bytes_per_live_admission"] = status.Occupied == 0 ? null : (managedAfter - managedBefore) / status.Occupied,
            ["cores"] = Environment.ProcessorCount,
        };
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        await host.StopAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grains: {grainRate:0} admissions/s, reference {referenceRate:0}/s, ratio {grainRate / referenceRate:0.00} (goal: per core >= 0.8 x the model per core: `bench scaleout` measures one pinned silo against the pinned model)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live: {status.Occupied} admissions, tick lag p99 {p99:0} ms over {lags.Length} ticks after the first {LiveRun.WarmupTicks} (goal < 250; the first ticks' worst {run.WarmupMaxMs:0} ms), {(after - before) / Math.Max(status.Occupied, 1)} bytes of working set and {(managedAfter - managedBefore) / Math.Max(status.Occupied, 1)} bytes of live managed heap per admission (goal <= 25600), peak working set {peak / 1e6:0} MB ({GcInEffect.Describe()})"));
        Console.WriteLine($"wrote {output}");
        return 0;
    }
}
