using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WardTwin.Grains;
using WardTwin.Model.Data;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>
/// `bench memory`: bytes per live admission over a whole admission. A ward of N beds (monitors at 1 Hz) runs
/// as fast as it can and pauses at each checkpoint (hour 1, days 1, 3 and 6 by default); at each the live
/// managed heap after a full collection and the process working set are taken, per admission and as a ratio
/// to hour 1. Flat means the day-6 ratio is 1.
/// </summary>
internal static class BenchMemory
{
    public static Command Create()
    {
        var live = new Option<int>("--live") { Description = "Live admissions (beds)", DefaultValueFactory = _ => 10_000 };
        var protocol = new Option<string>("--protocol") { Description = "Protocol of the ward", DefaultValueFactory = _ => "erasmus-7d" };
        var at = new Option<double[]>("--at-h") { Description = "Checkpoints in simulated hours", DefaultValueFactory = _ => [1, 24, 72, 144], AllowMultipleArgumentsPerToken = true };
        var realTime = new Option<double>("--real-time-s")
        {
            Description = "At each checkpoint, also run the ward this many seconds in real time and measure again (the sprint to the checkpoint leaves the GC sized for its allocation rate)",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<string>("--out") { Description = "JSON file for the figures", Required = true };
        var data = CommonOptions.Data();
        var command = new Command("memory", "Bytes per live admission at hour 1 and on later days of the admission (is it flat?)") { live, protocol, at, realTime, output, data };
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(r.GetValue(live), r.GetValue(protocol)!, r.GetValue(at)!, r.GetValue(realTime), r.GetValue(output)!, r.GetValue(data))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int live, string protocolId, double[] checkpointsH, double realTimeS, string output, string? dataDir)
    {
        if (live < 1 || checkpointsH.Length == 0 || checkpointsH.Any(h => h <= 0 || !double.IsFinite(h)) || realTimeS is < 0 or > 3600)
        {
            throw new ArgumentException("--live must be at least 1, every --at-h a positive number of hours and --real-time-s within 0..3600");
        }

        var catalog = DataCatalog.Locate(dataDir);
        catalog.LoadProtocol(protocolId);
        using var host = SiloHostFactory.Build(WardTwin.Cluster.ClusterSettings.Embedded, dataPath: catalog.Root, logLevel: Microsoft.Extensions.Logging.LogLevel.Error);
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var (heapBefore, setBefore, compactedBefore) = Measure();

        // Steps of at most an hour at full speed, so a checkpoint is passed by less than an hour.
        var ward = grains.GetGrain<IWardGrain>("bench-memory");
        await ward.StartAsync(new WardConfig(live, protocolId, TimeScale: double.PositiveInfinity, Seed: 1, MonitorHz: 1, MaxSpeedStepH: 1));
        var rows = new JsonArray();
        double? firstHeap = null, firstSet = null, firstCompacted = null;
        double lastSet = double.NaN;
        foreach (double h in checkpointsH.Order())
        {
            var status = await ward.GetStatusAsync();
            while (status.SimTimeH < h)
            {
                await Task.Delay(50);
                status = await ward.GetStatusAsync();
            }

            await ward.PauseAsync();
            status = await ward.GetStatusAsync();
            int activations = await grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            var (heap, set, compacted) = Measure();
            double heapPer = (heap - heapBefore) / (double)Math.Max(status.Occupied, 1);
            double setPer = (set - setBefore) / (double)Math.Max(status.Occupied, 1);
            double compactedPer = (compacted - compactedBefore) / (double)Math.Max(status.Occupied, 1);
            lastSet = setPer;
            firstHeap ??= heapPer;
            firstSet ??= setPer;
            firstCompacted ??= compactedPer;
            rows.Add(new JsonObject
            {
                ["sim_time_h"] = Math.Round(status.SimTimeH, 2),
                ["live_admissions"] = status.Occupied,
                ["grain_activations"] = activations,
                ["managed_bytes_per_admission"] = Math.Round(heapPer),
                ["working_set_bytes_per_admission"] = Math.Round(setPer),
                ["managed_ratio_to_first"] = Math.Round(heapPer / firstHeap.Value, 3),
                ["working_set_ratio_to_first"] = Math.Round(setPer / firstSet.Value, 3),
                ["working_set_compacted_bytes_per_admission"] = Math.Round(compactedPer),
                ["working_set_compacted_ratio_to_first"] = Math.Round(compactedPer / firstCompacted.Value, 3),
                ["gc_committed_bytes"] = gc.TotalCommittedBytes,
                ["gc_fragmented_bytes"] = gc.FragmentedBytes,
                ["gc_heap_bytes"] = gc.HeapSizeBytes,
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t={status.SimTimeH,7:0.0} h  live {status.Occupied,6} ({activations} activations)  managed {heapPer / 1024,6:0.0} KB/admission ({heapPer / firstHeap.Value:0.00}x)  working set {setPer / 1024,6:0.0} KB ({setPer / firstSet.Value:0.00}x), compacted {compactedPer / 1024,6:0.0} KB ({compactedPer / firstCompacted.Value:0.00}x); before the full collection the GC held {gc.HeapSizeBytes / 1048576.0:0} MB of heap, {gc.FragmentedBytes / 1048576.0:0} MB of it free fragments, {gc.TotalCommittedBytes / 1048576.0:0} MB committed"));
            if (realTimeS > 0)
            {
                await ward.SetTimeScaleAsync(1);
                await ward.ResumeAsync();
                await Task.Delay(TimeSpan.FromSeconds(realTimeS));
                await ward.PauseAsync();
                var inRealTime = await ward.GetStatusAsync();
                var (_, realSet, _) = Measure();
                double realSetPer = (realSet - setBefore) / (double)Math.Max(inRealTime.Occupied, 1);
                lastSet = realSetPer;
                rows[^1]!["real_time_seconds"] = realTimeS;
                rows[^1]!["working_set_after_real_time_bytes_per_admission"] = Math.Round(realSetPer);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"           after {realTimeS:0} s in real time: live {inRealTime.Occupied,6}  working set {realSetPer / 1024,6:0.0} KB/admission"));
                await ward.SetTimeScaleAsync(double.PositiveInfinity);
            }

            await ward.ResumeAsync();
        }

        await ward.StopAsync();
        var result = new JsonObject { ["protocol"] = protocolId, ["live"] = live, ["cores"] = Environment.ProcessorCount, ["goal_bytes_per_admission"] = 25 * 1024, ["gc"] = GcInEffect.Describe(), ["checkpoints"] = rows };
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        await host.StopAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"goal: working set <= 25 KB per live admission at the last checkpoint: {lastSet / 1024:0.0} KB, {lastSet / (25 * 1024):0.00}x the goal ({GcInEffect.Describe()}); wrote {output}"));
        return 0;
    }

    /// <summary>
    /// Live managed heap after a full collection; working set as the process has it (what `top` shows), and again
    /// after an aggressive collection that hands the GC's free space back (what the admissions really occupy).
    /// </summary>
    private static (long Heap, long WorkingSet, long Compacted) Measure()
    {
        var (heap, workingSet) = GrainMeasures.Settle();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (heap, workingSet, self.WorkingSet64);
    }
}
