namespace WardTwin.Grains;

/// <summary>A subscriber to a ward's telemetry (the dashboard's process, the load generator), called once per batch.</summary>
public interface ITelemetryObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay]
    Task OnBatch(TelemetryBatch batch);
}
