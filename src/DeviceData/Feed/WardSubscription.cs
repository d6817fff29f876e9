using Microsoft.Extensions.Logging;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Feed;

/// <summary>
/// Keeps a ward's device state subscribed to the ward's telemetry hub for details (the pumps' screens come with
/// them), renewing every 20 s as the hub expects and subscribing again after a failure (a ward not yet started, a
/// silo that moved it). The subscription is an observer of this process: the hub's push never waits on it.
/// </summary>
public static class WardSubscription
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    public static async Task KeepAsync(IGrainFactory grains, WardDeviceState state, ILogger logger, CancellationToken stop)
    {
        var hub = grains.GetGrain<IWardTelemetryGrain>(state.WardId);
        var reference = grains.CreateObjectReference<ITelemetryObserver>(state);
        bool failing = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await hub.SubscribeDetailsAsync(reference).WaitAsync(TimeSpan.FromSeconds(30), stop);
                    if (failing)
                    {
                        logger.LogWarning("Device data: subscribed to ward {Ward}'s telemetry again", state.WardId);
                        failing = false;
                    }

                    await Task.Delay(Renew, stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    if (!failing)
                    {
                        logger.LogWarning("Device data: cannot subscribe to ward {Ward}'s telemetry ({Reason}); trying again every {Seconds} s", state.WardId, Errors.OneLine(ex), Retry.TotalSeconds);
                        failing = true;
                    }

                    await Task.Delay(Retry, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            try
            {
                await hub.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                // The cluster is going too: the hub drops a silent subscriber after a minute.
            }

            grains.DeleteObjectReference<ITelemetryObserver>(reference);
        }
    }
}
