using Orleans.Runtime;
using WardTwin.Grains;

namespace WardTwin.Load;

/// <summary>
/// Starts a real-time ward of N beds (monitors at R Hz, each on its own phase) and subscribes to the ward's
/// telemetry hub, the path the dashboard reads: every reading is timed from its own sample instant to its
/// arrival here, and sequence gaps count as dropped.
/// </summary>
public sealed class LoadRun(IClusterClient client, LoadOptions options)
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);

    public async Task<LoadStep> RunStepAsync(int admissions, TimeSpan duration, CancellationToken cancel)
    {
        string wardId = $"load-{Guid.NewGuid():N}"[..17];
        var ward = client.GetGrain<IWardGrain>(wardId);
        var hub = client.GetGrain<IWardTelemetryGrain>(wardId);
        var time = TimeProvider.System;
        var warmup = TimeSpan.FromSeconds(Math.Min(5, duration.TotalSeconds / 4));
        // Everything before the window is warm-up; the window is set once the ward has started (see below).
        var stats = new TelemetryStats(long.MaxValue, 1000 / options.Hz);
        var inbox = new TelemetryInbox(stats, time);
        var observer = client.CreateObjectReference<ITelemetryObserver>(inbox);
        var silo = new SiloProcess(client, options.SiloPid);
        var cpu = new List<double>();
        long memory = 0;
        string? error = null;
        await hub.SubscribeAsync(observer);
        try
        {
            await ward.StartAsync(new WardConfig(admissions, options.Protocol, TimeScale: 1, Seed: 1, MonitorHz: options.Hz));

            // Timed from the ward's start, not the request's: tens of thousands of beds take seconds to admit and start their monitors.
            // Both ends are fixed before any reading sampled after them can arrive, so each reading counts by its own sample instant.
            long started = time.GetUtcNow().ToUnixTimeMilliseconds();
            var end = DateTime.UtcNow + duration;
            long windowEnds = new DateTimeOffset(end).ToUnixTimeMilliseconds();
            inbox.Read(s => { s.Window(started + (long)warmup.TotalMilliseconds, windowEnds); return 0; });
            var renewAt = DateTime.UtcNow + Renew;
            await silo.SampleAsync();
            while (DateTime.UtcNow < end && !cancel.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancel);
                var (siloCpu, siloMemory) = await silo.SampleAsync();
                if (double.IsFinite(siloCpu) && time.GetUtcNow().ToUnixTimeMilliseconds() - started > warmup.TotalMilliseconds)
                {
                    cpu.Add(siloCpu);
                }

                memory = Math.Max(memory, siloMemory);
                if (DateTime.UtcNow >= renewAt)
                {
                    await hub.SubscribeAsync(observer);
                    renewAt = DateTime.UtcNow + Renew;
                }
            }

            // Readings sampled before the window's end are still in flight and arrive while the ward stops.
            // Stopped, not just paused: its patients are discharged and it leaves the registry, so a cluster keeps no load ward running.
            await ward.StopAsync();
            await hub.UnsubscribeAsync(observer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A silo that died or cannot be reached mid-run: what was measured so far is still reported.
            error = Errors.OneLine(ex);
        }
        finally
        {
            client.DeleteObjectReference<ITelemetryObserver>(observer);
        }

        // A run cut short (cancelled, or the silo lost) measures the window it had.
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        inbox.Read(s => { s.EndWindow(Math.Min(now, s.WindowEndsUnixMs)); return 0; });
        return inbox.Read(s =>
        {
            var schedule = s.Schedule(admissions);
            return new LoadStep(
            admissions, options.Hz, Math.Round(schedule.WindowSeconds, 3), schedule.AchievedReadingsPerSecond, 4 * schedule.AchievedReadingsPerSecond,
            Math.Round(schedule.OfferedReadingsPerSecond, 1), Math.Round(schedule.AchievedShare, 4), schedule.MonitorLagP50Ms, schedule.MonitorLagP99Ms, schedule.MonitorLagMaxMs, schedule.MonitorsSilent,
            Verdict(schedule, s),
            s.LatencyMs(50), s.LatencyMs(90), s.LatencyMs(99), s.LatencyMs(99.9), s.MaxLatencyMs, s.LatencyCount,
            s.Readings, s.WarmupReadings, s.Dropped, s.OutOfOrder, s.Monitors, s.Batches,
            s.Alarms, s.AlarmLatencyMs(50), s.AlarmLatencyMs(99),
            cpu.Count == 0 ? double.NaN : cpu.Average(), memory, silo.Source, error);
        });
    }

    /// <summary>Sustained only when what arrived is what the schedule offered, nothing dropped, and p99 within the goal.</summary>
    private static string Verdict(ScheduleFigures f, TelemetryStats s) =>
        f.FellBehind ? $"shortfall: achieved {f.AchievedReadingsPerSecond:0} of {f.OfferedReadingsPerSecond:0} readings/s offered ({f.AchievedShare:P1}); monitors up to {f.MonitorLagMaxMs:0} ms behind their schedule"
        : s.Dropped > 0 ? $"shortfall: {s.Dropped} readings dropped"
        : !(s.LatencyMs(99) <= LoadStep.LatencyGoalP99Ms) ? $"shortfall: p99 {s.LatencyMs(99):0} ms above {LoadStep.LatencyGoalP99Ms} ms"
        : "sustained";
}

/// <summary>What one load level delivered (latencies in ms, from each reading's sample instant to its arrival here).</summary>
/// <remarks>ReadingsPerSecond is what was achieved: readings sampled in the window that arrived, over the window.</remarks>
public sealed record LoadStep(
    int Monitors, double Hz, double MeasuredSeconds, double ReadingsPerSecond, double VitalsPerSecond,
    double OfferedReadingsPerSecond, double AchievedShare, double MonitorLagP50Ms, double MonitorLagP99Ms, double MonitorLagMaxMs, long MonitorsSilent,
    string Verdict,
    double LatencyP50Ms, double LatencyP90Ms, double LatencyP99Ms, double LatencyP999Ms, double LatencyMaxMs, long LatencyCountWithBackfill,
    long Readings, long WarmupReadings, long DroppedReadings, long OutOfOrderReadings, int MonitorsSeen, long Batches,
    long Alarms, double AlarmLatencyP50Ms, double AlarmLatencyP99Ms,
    double SiloCpuPercent, long SiloMemoryBytes, string SiloStatsFrom, string? Error)
{
    /// <summary>Issue 24's goal for the push path: p99 under 250 ms from sample to subscriber.</summary>
    public const double LatencyGoalP99Ms = 250;

    public bool Sustained => Verdict == "sustained" && Error is null;
}
