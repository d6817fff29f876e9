namespace WardTwin.Grains;

/// <summary>
/// A bedside monitor: samples its patient's vitals on its own real-time schedule (its own rate and phase)
/// from the truth curve the patient pushes at its events, raises alarms, and publishes every reading and
/// alarm change to the ward's telemetry hub.
/// </summary>
public interface IBedsideMonitorGrain : IGrainWithStringKey
{
    Task ConfigureAsync(MonitorSetup setup);

    /// <summary>
    /// The patient's truth curve and the ward's clock, pushed by the patient at its events. Awaited, so that when a
    /// ward's pause, resume or new scale returns, every monitor already samples by the new clock.
    /// </summary>
    Task FeedAsync(TruthFeed feed);

    Task<IReadOnlyList<VitalsReading>> GetRecentAsync(int count);

    Task<IReadOnlyList<AlarmView>> GetAlarmsAsync();

    /// <summary>The last readings and the alarms together.</summary>
    Task<MonitorTelemetry> GetTelemetryAsync(int count);

    Task<bool> AcknowledgeAsync(string kind);

    Task<long> GetSampleCountAsync();
}
