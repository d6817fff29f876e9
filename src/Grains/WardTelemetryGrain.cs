using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace WardTwin.Grains;

/// <summary>
/// A ward's telemetry hub: passes each batch from the silos' batchers to every subscriber, the details (ward and
/// patients) only to those that asked for them, and tells the ward whether anyone does (so nobody pushes details
/// nobody reads). Holds no state worth storing: a subscriber renews its subscription, so a hub that moved or
/// restarted is found again within one renewal, and the ward is told again every few seconds while watched.
/// </summary>
public sealed class WardTelemetryGrain(
    WardTwinMetrics metrics,
    [Microsoft.Extensions.DependencyInjection.FromKeyedServices(Orleans.Runtime.TimeProviderNames.Grains)] TimeProvider time,
    ILogger<WardTelemetryGrain> logger) : Grain, IWardTelemetryGrain
{
    /// <summary>Subscribers that do not renew within this time are dropped (they renew every 20 s).</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan TellAgain = TimeSpan.FromSeconds(10);
    private readonly ObserverManager<ITelemetryObserver> _subscribers = new(SubscriptionLifetime, logger);
    private readonly ObserverManager<ITelemetryObserver> _details = new(SubscriptionLifetime, logger);
    private bool? _told;
    private DateTimeOffset _toldAt;

    public Task PublishAsync(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Readings.Length > 0 || batch.Alarms.Length > 0)
        {
            var plain = batch.WithoutDetails();
            _subscribers.Notify(o => o.OnBatch(plain));
        }

        _details.Notify(o => o.OnBatch(batch));
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var r in batch.Readings)
        {
            metrics.TelemetryDelivery.Record(Math.Max(0, now - r.SampledUnixMs) / 1000.0);
        }

        TellWard();
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(ITelemetryObserver observer)
    {
        _subscribers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task SubscribeDetailsAsync(ITelemetryObserver observer)
    {
        bool isNew = !_details.Observers.ContainsKey(observer);
        _details.Subscribe(observer, observer);
        if (isNew)
        {
            // A new watcher has seen nothing yet: the ward and its beds push what they show now.
            _told = true;
            _toldAt = time.GetUtcNow();
            GrainFactory.GetGrain<IWardGrain>(this.GetPrimaryKeyString()).SetWatchedAsync(true, newWatcher: true).Ignore();
        }
        else
        {
            TellWard();
        }

        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ITelemetryObserver observer)
    {
        _subscribers.Unsubscribe(observer);
        _details.Unsubscribe(observer);
        TellWard();
        return Task.CompletedTask;
    }

    /// <summary>Tells the ward when whether it is watched changed, and again every few seconds while it is (a ward that moved forgets).</summary>
    private void TellWard()
    {
        _details.ClearExpired();
        bool watched = _details.Count > 0;
        var now = time.GetUtcNow();
        if (_told != watched || (watched && now - _toldAt > TellAgain))
        {
            _told = watched;
            _toldAt = now;
            GrainFactory.GetGrain<IWardGrain>(this.GetPrimaryKeyString()).SetWatchedAsync(watched).Ignore();
        }
    }
}
