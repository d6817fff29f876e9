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

    /// <summary>Readings and alarm changes only (the load generator).</summary>
    Task SubscribeAsync(ITelemetryObserver observer);

    /// <summary>
    /// Readings, alarm changes and the ward's and patients' details (pages, a training session). While any such
    /// subscriber is there, the ward is told it is watched and its patients push their details.
    /// </summary>
    Task SubscribeDetailsAsync(ITelemetryObserver observer);

    Task UnsubscribeAsync(ITelemetryObserver observer);
}
