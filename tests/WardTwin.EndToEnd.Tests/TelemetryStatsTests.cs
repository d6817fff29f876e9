using WardTwin.Load;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The load generator's recorder: latency from the sample instant, gaps as dropped, coordinated omission, warm-up.</summary>
public sealed class TelemetryStatsTests
{
    [Fact]
    public void Latency_is_arrival_minus_the_readings_own_sample_instant()
    {
        var stats = new TelemetryStats(warmupEndsUnixMs: 0, sampleIntervalMs: 1000);
        for (int i = 0; i < 100; i++)
        {
            stats.Reading(monitor: 1, sequence: i + 1, sampledUnixMs: 10_000 + (i * 1000), arrivedUnixMs: 10_000 + (i * 1000) + (i < 99 ? 10 : 300));
        }

        Assert.Equal(100, stats.Readings);
        Assert.Equal(10, stats.LatencyMs(50), 1);
        Assert.Equal(10, stats.LatencyMs(98), 1);
        Assert.Equal(300, stats.MaxLatencyMs, 0);
    }

    [Fact]
    public void A_gap_in_a_monitors_sequence_counts_as_dropped_and_a_step_back_as_out_of_order()
    {
        var stats = new TelemetryStats(0, 1000);
        foreach (long seq in new long[] { 1, 2, 5, 6, 6, 4, 7 })
        {
            stats.Reading(monitor: 3, sequence: seq, sampledUnixMs: 1000 * seq, arrivedUnixMs: (1000 * seq) + 5);
        }

        stats.Reading(monitor: 4, sequence: 10, sampledUnixMs: 1000, arrivedUnixMs: 1005); // another monitor starts where it starts
        Assert.Equal(2, stats.Dropped);       // 3 and 4 of monitor 3 never came (4 came late, after 6)
        Assert.Equal(2, stats.OutOfOrder);    // 6 again, then 4
        Assert.Equal(6, stats.Readings);
        Assert.Equal(2, stats.Monitors);
    }

    [Fact]
    public void A_stall_longer_than_the_sample_interval_back_fills_the_readings_it_held_up()
    {
        // Coordinated omission: one reading held up 5 s at 1 Hz stands for the four behind it that a stalled
        // path would not even have sampled; the histogram counts them at 4, 3, 2 and 1 s.
        var stats = new TelemetryStats(0, 1000);
        stats.Reading(1, 1, 0, 5000);
        Assert.Equal(1, stats.Readings);
        Assert.Equal(5, stats.LatencyCount);
        Assert.InRange(stats.LatencyMs(50), 2990, 3010); // the median of 5, 4, 3, 2 and 1 s
    }

    [Fact]
    public void Readings_and_alarms_sampled_in_the_warm_up_are_not_measured()
    {
        var stats = new TelemetryStats(warmupEndsUnixMs: 5000, sampleIntervalMs: 1000);
        stats.Reading(1, 1, 4000, 9000);
        stats.Reading(1, 2, 5000, 5010);
        stats.Alarm(onsetUnixMs: 4500, arrivedUnixMs: 9000);
        stats.Alarm(onsetUnixMs: 6000, arrivedUnixMs: 6020);
        Assert.Equal(1, stats.WarmupReadings);
        Assert.Equal(1, stats.Readings);
        Assert.Equal(10, stats.MaxLatencyMs, 0);
        Assert.Equal(1, stats.Alarms);
        Assert.Equal(20, stats.AlarmLatencyMs(99), 0);
    }

    [Fact]
    public void Monitors_that_fall_behind_their_schedule_are_a_shortfall_though_no_sequence_number_is_missing()
    {
        // Two monitors at 1 Hz over a 60 s window: one on schedule, one whose timer fires every 2 s (contiguous numbers, half the readings).
        var stats = new TelemetryStats(warmupEndsUnixMs: 10_000, sampleIntervalMs: 1000);
        stats.EndWindow(70_000);
        for (int i = 0; i < 70; i++)
        {
            stats.Reading(0, i + 1, 10_000 + (i * 1000), 10_000 + (i * 1000) + 20);
        }

        for (int i = 0; i < 26; i++)
        {
            stats.Reading(1, i + 1, 10_000 + (i * 2000), 10_000 + (i * 2000) + 20);
        }

        var f = stats.Schedule(monitorsOffered: 3); // the third monitor never reported
        Assert.Equal(0, stats.Dropped);
        Assert.Equal(3, f.OfferedReadingsPerSecond, 6);
        Assert.Equal((60 + 26) / 60.0, f.AchievedReadingsPerSecond, 6);
        Assert.True(f.FellBehind);
        Assert.Equal(1, f.MonitorsSilent);
        Assert.Equal(60_000, f.MonitorLagMaxMs, 0);  // silent: the whole window behind
        Assert.InRange(f.MonitorLagP50Ms, 9_000, 9_020); // the slow one last sampled at 60 s: 10 s before the end, less one interval

        var onTime = new TelemetryStats(0, 1000);
        onTime.EndWindow(60_000);
        for (int i = 0; i < 60; i++)
        {
            onTime.Reading(0, i + 1, i * 1000, (i * 1000) + 5);
        }

        Assert.False(onTime.Schedule(1).FellBehind);
        Assert.Equal(0, onTime.Schedule(1).MonitorLagMaxMs, 0);
    }
}
