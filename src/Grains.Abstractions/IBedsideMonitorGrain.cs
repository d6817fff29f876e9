using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>A bedside monitor: samples the patient's vitals (per sample in real time, per-minute means when accelerated) and raises alarms.</summary>
public interface IBedsideMonitorGrain : IGrainWithStringKey
{
    Task ConfigureAsync(MonitorSetup setup);

    /// <summary>The patient's true vitals from simulation time FromH to ToH (one-way, pushed by the patient).</summary>
    [OneWay]
    Task ObserveAsync(double fromH, double toH, VitalsReading truthAtEnd);

    Task<IReadOnlyList<VitalsReading>> GetRecentAsync(int count);

    Task<IReadOnlyList<AlarmView>> GetAlarmsAsync();

    /// <summary>The last readings and the alarms together (one call per monitor per poll).</summary>
    Task<MonitorTelemetry> GetTelemetryAsync(int count);

    Task<bool> AcknowledgeAsync(string kind);

    Task<long> GetSampleCountAsync();
}
