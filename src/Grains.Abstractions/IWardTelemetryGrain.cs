namespace WardTwin.Grains;

/// <summary>
/// A ward's telemetry hub: each silo's batcher publishes the ward's readings and alarm changes here every
/// few milliseconds, and the hub passes each batch on to every subscriber. Subscriptions expire unless
/// renewed (a subscriber that vanished costs nothing for long).
/// </summary>
public interface IWardTelemetryGrain : IGrainWithStringKey
{
    [Orleans.Concurrency.OneWay]
    Task PublishAsync(TelemetryBatch batch);

    Task SubscribeAsync(ITelemetryObserver observer);

    Task UnsubscribeAsync(ITelemetryObserver observer);
}
