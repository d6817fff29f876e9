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
}
