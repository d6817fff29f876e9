using Microsoft.Extensions.Logging;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Feed;

/// <summary>
/// Says in the log, at most every ten seconds, what the receiver is costing: connections failing, the backlog
/// against its bound, and messages retried and dropped since the last line; and once when delivery is whole again.
/// Nothing is logged while all is well (the metrics have the figures all the time).
/// </summary>
internal sealed class DeliveryReport(MllpSender sender, DeviceDataMetrics metrics, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private DateTimeOffset _next = time.GetUtcNow() + Every;
    private (long Acked, long Errored, long Retried, long Dropped) _last;
    private bool _troubled;

    public void MaybeLog()
    {
        var now = time.GetUtcNow();
        if (now < _next)
        {
            return;
        }

        _next = now + Every;
        var totals = metrics.Hl7Totals;
        var state = sender.State();
        long retried = totals.Retried - _last.Retried, dropped = totals.Dropped - _last.Dropped, errored = totals.Errored - _last.Errored;
        _last = totals;
        if (state.Unhealthy > 0 || dropped > 0 || retried > 0 || errored > 0)
        {
            _troubled = true;
            logger.LogWarning("HL7 to {Endpoint}: {Failing} of {Connections} connections failing, backlog {Backlog} of at most {Capacity} messages; in the last 10 s {Retried} retried, {Dropped} dropped, {Errored} answered AE", sender.Endpoint, state.Unhealthy, state.Connections, state.Backlog, state.Capacity, retried, dropped, errored);
        }
        else if (_troubled)
        {
            _troubled = false;
            logger.LogWarning("HL7 to {Endpoint}: delivering again on all {Connections} connections (backlog {Backlog})", sender.Endpoint, state.Connections, state.Backlog);
        }
    }
}
