using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace WardTwin.Grains;

/// <summary>
/// A ward's telemetry hub: passes each batch from the silos' batchers to every subscriber. Holds no state
/// worth storing: a subscriber renews its subscription, so a hub that moved or restarted is found again
/// within one renewal.
/// </summary>
public sealed class WardTelemetryGrain(
    WardTwinMetrics metrics,
    [Microsoft.Extensions.DependencyInjection.FromKeyedServices(Orleans.Runtime.TimeProviderNames.Grains)] TimeProvider time,
    ILogger<WardTelemetryGrain> logger) : Grain, IWardTelemetryGrain
{
    /// <summary>Subscribers that do not renew within this time are dropped (they renew every 20 s).</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<ITelemetryObserver> _subscribers = new(SubscriptionLifetime, logger);

    public Task PublishAsync(TelemetryBatch batch)
    {
        _subscribers.Notify(o => o.OnBatch(batch));
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var r in batch.Readings)
        {
            metrics.TelemetryDelivery.Record(Math.Max(0, now - r.SampledUnixMs) / 1000.0);
        }

        return Task.CompletedTask;
    }

    public Task SubscribeAsync(ITelemetryObserver observer)
    {
        _subscribers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ITelemetryObserver observer)
    {
        _subscribers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
