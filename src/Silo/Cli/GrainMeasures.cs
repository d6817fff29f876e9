using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WardTwin.Application.Engines;
using WardTwin.Grains;
using WardTwin.Model.Simulation;

namespace WardTwin.Silo.Cli;

/// <summary>The measurements the grain benchmarks share: cohort throughput (after a warm-up) and a live ward's tick lag.</summary>
internal static class GrainMeasures
{
    /// <summary>Admissions per second of a cohort through the grains (best of three, after the JIT has warmed up on smaller ones).</summary>
    public static async Task<double> CohortRateAsync(IPlannerEngine engine, CohortRequest request, CohortRunner? warmReference = null)
    {
        for (int w = 0; w < 3; w++)
        {
            warmReference?.Run(2000, seed: 99 + w);
            await CountAsync(engine, request with { Patients = 2000, Seed = 99 + w });
        }

        // Best of three: on a small, shared machine the first timed run still pays for JIT tiering and GC growth.
        double best = 0;
        for (int run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            await CountAsync(engine, request);
            best = Math.Max(best, request.Patients / clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>The grain engine over a silo host's grains.</summary>
    public static GrainPlannerEngine Engine(IServiceProvider services) =>
        new(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GrainPlannerEngine>>());

    /// <summary>Runs a cohort through the engine, keeping nothing: how many admissions came back.</summary>
    public static async Task<int> CountAsync(IPlannerEngine engine, CohortRequest request)
    {
        int n = 0;
        await foreach (var chunk in engine.RunCohortAsync(request, CancellationToken.None))
        {
            n += chunk.Length;
        }

        return n;
    }

    /// <summary>A live ward of N beds in real time for a while: how long it took to start, and its tick lags (sorted, ms).</summary>
    public static async Task<LiveRun> LiveWardAsync(IGrainFactory grains, string wardId, string protocolId, int beds, double seconds)
    {
        var ward = grains.GetGrain<IWardGrain>(wardId);
        var clock = Stopwatch.StartNew();
        await ward.StartAsync(new WardConfig(beds, protocolId, TimeScale: 1, Seed: 1, MonitorHz: 1));
        double startSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var lags = await ward.GetTickLagsMsAsync();
        var status = await ward.GetStatusAsync();
        return new LiveRun(ward, status, lags, startSeconds);
    }

    /// <summary>Live managed heap after full collections, and the process's working set then (bytes).</summary>
    public static (long Heap, long WorkingSet) Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }

    public static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>What a live ward's run measured; <paramref name="TickLagsMs"/> in the order of the ticks.</summary>
internal sealed record LiveRun(IWardGrain Ward, WardStatus Status, double[] TickLagsMs, double StartSeconds)
{
    /// <summary>
    /// The first ticks of a new ward are its warm-up (every patient's first move after its admission, the JIT): they
    /// are reported apart (<see cref="WarmupMaxMs"/>) and left out of the percentiles, which describe the ward running.
    /// </summary>
    public const int WarmupTicks = 5;

    /// <summary>The ticks after the warm-up, sorted.</summary>
    public double[] LagsMs { get; } = TickLagsMs.Skip(WarmupTicks).Order().ToArray();

    public double? WarmupMaxMs => TickLagsMs.Length == 0 ? null : TickLagsMs.Take(WarmupTicks).Max();

    public double? P50 => GrainMeasures.Percentile(LagsMs, 0.5);

    public double? P99 => GrainMeasures.Percentile(LagsMs, 0.99);
}
