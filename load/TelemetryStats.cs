using HdrHistogram;

namespace WardTwin.Load;

/// <summary>
/// What a subscriber saw of a ward's telemetry: latency of each reading from its sample instant to its
/// arrival, in an HdrHistogram corrected for coordinated omission (a stall of the path back-fills the
/// readings it held up, at the monitors' sample interval); per-monitor sequence numbers, so a gap counts
/// as dropped and a repeat or step back as out of order; alarms from the onset of their condition to their
/// arrival. Readings sampled before the warm-up ends are counted apart and not measured.
/// </summary>
public sealed class TelemetryStats(long warmupEndsUnixMs, double sampleIntervalMs)
{
    private const long HighestMicros = 60_000_000;
    private readonly LongHistogram _latency = new(HighestMicros, 3);
    private readonly LongHistogram _alarms = new(HighestMicros, 3);
    private readonly Dictionary<int, (long First, long Last)> _sequences = [];
    private readonly long _intervalMicros = Math.Max(1, (long)(sampleIntervalMs * 1000));

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

        if (sampledUnixMs < warmupEndsUnixMs)
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
        if (onsetUnixMs < warmupEndsUnixMs)
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

    public double AlarmLatencyMs(double percentile) => Alarms == 0 ? double.NaN : _alarms.GetValueAtPercentile(percentile) / 1000.0;
}
