using HdrHistogram;

namespace WardTwin.Load;

/// <summary>
/// What a subscriber saw of a ward's telemetry: latency of each reading from its sample instant to its
/// arrival, in an HdrHistogram corrected for coordinated omission (a stall of the path back-fills the
/// readings it held up, at the monitors' sample interval); per-monitor sequence numbers, so a gap counts
/// as dropped and a repeat or step back as out of order; alarms from the onset of their condition to their
/// arrival. Readings sampled before the warm-up ends are counted apart and not measured.
/// Sequence numbers alone cannot see a monitor that falls behind its schedule (its timer fires late, its numbers stay
/// contiguous): so each monitor's readings sampled inside the measured window are counted against what its rate
/// offers in that window, and its last sample instant against the window's end (<see cref="Schedule"/>).
/// </summary>
public sealed class TelemetryStats(long warmupEndsUnixMs, double sampleIntervalMs)
{
    private long _warmupEndsUnixMs = warmupEndsUnixMs;
    private const long HighestMicros = 60_000_000;
    private readonly LongHistogram _latency = new(HighestMicros, 3);
    private readonly LongHistogram _alarms = new(HighestMicros, 3);
    private readonly Dictionary<int, (long First, long Last)> _sequences = [];
    private readonly Dictionary<int, (long InWindow, long LastSampledUnixMs)> _schedule = [];
    private readonly long _intervalMicros = Math.Max(1, (long)(sampleIntervalMs * 1000));
    private long _windowEndsUnixMs = long.MaxValue;

    public long Readings { get; private set; }

    public long WarmupReadings { get; private set; }

    public long Dropped { get; private set; }

    public long OutOfOrder { get; private set; }

    public long Alarms { get; private set; }

    public long Batches { get; private set; }

    public int Monitors => _sequences.Count;

    public void Batch() => Batches++;

    public void Reading(int monitor, long sequence, long sampledUnixMs, long arrivedUnixMs)
    {
        if (_sequences.TryGetValue(monitor, out var seen))
        {
            if (sequence <= seen.Last)
            {
                OutOfOrder++;
                return;
            }

            Dropped += sequence - seen.Last - 1;
            _sequences[monitor] = (seen.First, sequence);
        }
        else
        {
            _sequences[monitor] = (sequence, sequence);
        }

        var seenOnSchedule = _schedule.GetValueOrDefault(monitor, (0, long.MinValue));
        _schedule[monitor] = (seenOnSchedule.InWindow + (sampledUnixMs >= _warmupEndsUnixMs && sampledUnixMs < _windowEndsUnixMs ? 1 : 0), Math.Max(seenOnSchedule.LastSampledUnixMs, sampledUnixMs));
        if (sampledUnixMs < _warmupEndsUnixMs)
        {
            WarmupReadings++;
            return;
        }

        Readings++;
        long micros = Math.Clamp((arrivedUnixMs - sampledUnixMs) * 1000, 0, HighestMicros);
        _latency.RecordValueWithExpectedInterval(micros, _intervalMicros);
    }

    public void Alarm(long onsetUnixMs, long arrivedUnixMs)
    {
        if (onsetUnixMs < _warmupEndsUnixMs)
        {
            return;
        }

        Alarms++;
        _alarms.RecordValue(Math.Clamp((arrivedUnixMs - onsetUnixMs) * 1000, 0, HighestMicros));
    }

    /// <summary>Reading latency at a percentile (0-100), in ms; NaN before any reading.</summary>
    public double LatencyMs(double percentile) => Readings == 0 ? double.NaN : _latency.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxLatencyMs => Readings == 0 ? double.NaN : _latency.GetMaxValue() / 1000.0;

    /// <summary>Latencies recorded including the back-filled ones (coordinated omission): at least the readings.</summary>
    public long LatencyCount => _latency.TotalCount;

    /// <summary>
    /// The measured window ends here: readings sampled later still arrive and are timed, but not counted as achieved. Set it before
    /// any reading sampled after it arrives (a reading is counted or not when it arrives); it may only be brought earlier later.
    /// </summary>
    public void EndWindow(long endUnixMs) => _windowEndsUnixMs = endUnixMs;

    /// <summary>The measured window: from the warm-up's end (a ward of many beds takes seconds to start its monitors) to its end.</summary>
    public void Window(long warmupEndsUnixMs, long endUnixMs) => (_warmupEndsUnixMs, _windowEndsUnixMs) = (warmupEndsUnixMs, endUnixMs);

    public long WindowEndsUnixMs => _windowEndsUnixMs;

    /// <summary>
    /// Offered against achieved over the window from the warm-up's end to <see cref="EndWindow"/>: readings/s the monitors'
    /// rate offers and readings/s sampled in the window that arrived, and each monitor's lag behind its schedule at the
    /// window's end (how long since its last sample, less one interval), in ms.
    /// </summary>
    public ScheduleFigures Schedule(int monitorsOffered)
    {
        double windowS = Math.Max((_windowEndsUnixMs - _warmupEndsUnixMs) / 1000.0, 1e-3);
        double intervalMs = _intervalMicros / 1000.0;
        // Exact, not a histogram: one value per monitor, and a lag is read in whole ms.
        var lags = new long[monitorsOffered];
        long silent = 0;
        for (int m = 0; m < monitorsOffered; m++)
        {
            // A monitor never heard from is as far behind as the whole window.
            bool heard = _schedule.TryGetValue(m, out var s);
            lags[m] = heard ? (long)Math.Max(0, _windowEndsUnixMs - s.LastSampledUnixMs - intervalMs) : (long)(windowS * 1000);
            silent += heard ? 0 : 1;
        }

        Array.Sort(lags);
        long inWindow = _schedule.Values.Sum(v => v.InWindow);
        return new ScheduleFigures(monitorsOffered * 1000.0 / intervalMs, inWindow / windowS, windowS,
            NearestRank(lags, 50), NearestRank(lags, 99), lags.Length == 0 ? 0 : lags[^1], silent);
    }

    private static double NearestRank(long[] sorted, double percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double AlarmLatencyMs(double percentile) => Alarms == 0 ? double.NaN : _alarms.GetValueAtPercentile(percentile) / 1000.0;
}

/// <summary>What the monitors' schedule offered and what arrived of it; lags in ms.</summary>
public sealed record ScheduleFigures(double OfferedReadingsPerSecond, double AchievedReadingsPerSecond, double WindowSeconds,
    double MonitorLagP50Ms, double MonitorLagP99Ms, double MonitorLagMaxMs, long MonitorsSilent)
{
    /// <summary>Achieved within 2 % of offered (the window's edges cost a reading or so per monitor); below it a shortfall.</summary>
    public const double SustainedShare = 0.98;

    public double AchievedShare => OfferedReadingsPerSecond == 0 ? 0 : AchievedReadingsPerSecond / OfferedReadingsPerSecond;

    public bool FellBehind => AchievedShare < SustainedShare;
}
