using WardTwin.Grains;

namespace WardTwin.Load;

/// <summary>The load generator's subscription to a ward's telemetry hub: stamps each batch's arrival and counts it in.</summary>
public sealed class TelemetryInbox(TelemetryStats stats, TimeProvider time) : ITelemetryObserver
{
    private readonly Lock _gate = new();

    public Task OnBatch(TelemetryBatch batch)
    {
        long arrived = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            stats.Batch();
            foreach (var r in batch.Readings)
            {
                stats.Reading(r.Patient, r.Sequence, r.SampledUnixMs, arrived);
            }

            foreach (var a in batch.Alarms)
            {
                foreach (var _ in a.Raised)
                {
                    stats.Alarm(a.OnsetUnixMs, arrived);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the figures under the same lock the batches take.</summary>
    public T Read<T>(Func<TelemetryStats, T> read)
    {
        lock (_gate)
        {
            return read(stats);
        }
    }
}
