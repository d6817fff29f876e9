using HdrHistogram;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.Load;

/// <summary>
/// What an MLLP load run delivered: every ACK's latency (frame written to ACK read) in an HdrHistogram in
/// microseconds, counts of accepted, errored, retried and dropped messages by reason. ACKs before the warm-up ends
/// are counted apart and not measured.
/// </summary>
public sealed class Hl7LoadStats(long warmupEndsTimestamp) : IDeliveryObserver
{
    private readonly LongHistogram _ack = new(60_000_000, 3);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _retries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _drops = new(StringComparer.Ordinal);

    public long AckedCount { get; private set; }

    public long WarmupAcked { get; private set; }

    public long ErroredCount { get; private set; }

    public long RetriedCount { get; private set; }

    public long DroppedCount { get; private set; }

    public void Acked(OutboundMessage message, TimeSpan latency)
    {
        lock (_gate)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() < warmupEndsTimestamp)
            {
                WarmupAcked++;
                return;
            }

            AckedCount++;
            _ack.RecordValue(Math.Max(1, (long)(latency.TotalMilliseconds * 1000)));
        }
    }

    public void Errored(OutboundMessage message, string code, string? text)
    {
        lock (_gate)
        {
            ErroredCount++;
        }
    }

    public void Retried(OutboundMessage message, string reason)
    {
        lock (_gate)
        {
            RetriedCount++;
            _retries[reason] = _retries.GetValueOrDefault(reason) + 1;
        }
    }

    public void Dropped(OutboundMessage message, string reason)
    {
        lock (_gate)
        {
            DroppedCount++;
            _drops[reason] = _drops.GetValueOrDefault(reason) + 1;
        }
    }

    public double AckMs(double percentile)
    {
        lock (_gate)
        {
            return _ack.TotalCount == 0 ? double.NaN : _ack.GetValueAtPercentile(percentile) / 1000.0;
        }
    }

    public double MaxAckMs
    {
        get
        {
            lock (_gate)
            {
                return _ack.TotalCount == 0 ? double.NaN : _ack.GetMaxValue() / 1000.0;
            }
        }
    }

    public (Dictionary<string, long> Retries, Dictionary<string, long> Drops) Reasons()
    {
        lock (_gate)
        {
            return (new(_retries), new(_drops));
        }
    }
}

/// <summary>Hands each delivery report to several observers (the metrics and the load figures).</summary>
public sealed class TeeObserver(params IDeliveryObserver[] observers) : IDeliveryObserver
{
    public void Acked(OutboundMessage message, TimeSpan latency)
    {
        foreach (var o in observers)
        {
            o.Acked(message, latency);
        }
    }

    public void Errored(OutboundMessage message, string code, string? text)
    {
        foreach (var o in observers)
        {
            o.Errored(message, code, text);
        }
    }

    public void Retried(OutboundMessage message, string reason)
    {
        foreach (var o in observers)
        {
            o.Retried(message, reason);
        }
    }

    public void Dropped(OutboundMessage message, string reason)
    {
        foreach (var o in observers)
        {
            o.Dropped(message, reason);
        }
    }
}
