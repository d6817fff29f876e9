using Microsoft.Extensions.Logging;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>
/// A patient's line to its bedside monitor: the truth curve from the walk's last event and the ward's clock, sent
/// when either changed (the curve changes only at events and inputs; the clock at start, pause, resume, a new scale,
/// and every tick when the ward runs as fast as possible). A monitor that cannot be reached must not stop its
/// patient (nor the ward's tick): the failure is logged and the next change tries again.
/// </summary>
internal sealed class MonitorFeeder(IBedsideMonitorGrain monitor, string patientId, ILogger logger)
{
    private TruthFeed? _last;

    public async Task PushAsync(PatientAdmission admission, Admission walk, WardClockView clock, bool force)
    {
        var feed = BedsideViews.Truth(admission, walk, clock);
        if (!force && _last is not null && !BedsideViews.TruthChanged(_last, feed))
        {
            return;
        }

        try
        {
            await monitor.FeedAsync(feed);
            _last = feed;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            Log.MonitorFeedFailed(logger, patientId, Errors.OneLine(ex));
        }
    }
}
