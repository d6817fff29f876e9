using Microsoft.Extensions.Logging;
using WardTwin.Model.Randomness;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains;

/// <summary>
/// A bedside monitor. The patient pushes its true vitals as the ward clock moves; the monitor turns each
/// stretch into readings with noise, drift and artefacts: one per sample when the stretch is short (real
/// time, default 1 Hz), per-minute means when the ward runs accelerated. Alarms carry IEC 60601-1-8
/// priorities, can be acknowledged, and rise one priority when left unacknowledged too long.
/// </summary>
public sealed class BedsideMonitorGrain(ModelCatalog catalog, WardTwinMetrics metrics, ILogger<BedsideMonitorGrain> logger) : Grain, IBedsideMonitorGrain
{
    private const int Keep = 300;
    private const int MaxReadingsPerPush = 120;
    private readonly ReadingRing _recent = new(Keep);
    private VitalsSampler? _sampler;
    private AlarmBoard? _board;
    private VitalsReading? _lastTruth;
    private double _hz = 1;
    private double _baselineHr;
    private long _samples;
    private double _nextSampleH = double.NaN;

    public Task ConfigureAsync(string patientId, double baselineHr, double sampleHz, long seed)
    {
        if (sampleHz <= 0 || !double.IsFinite(sampleHz))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleHz), $"monitor sample rate must be > 0 Hz, not {sampleHz}");
        }

        _hz = sampleHz;
        _baselineHr = baselineHr;
        _sampler = new VitalsSampler(catalog.Parameters.Vitals, new SeededRandom(SeededRandom.Key(seed, 0, (ulong)StreamPurpose.Monitor)));
        _board = new AlarmBoard(catalog.Parameters.Alarms, catalog.Parameters.Simulation.AlarmEscalateAfterS / 3600);
        return Task.CompletedTask;
    }

    public Task ObserveAsync(double fromH, double toH, VitalsReading truthAtEnd)
    {
        if (_sampler is null || toH <= fromH)
        {
            return Task.CompletedTask;
        }

        var start = _lastTruth ?? truthAtEnd;
        double stepH = 1 / (_hz * 3600);
        if (double.IsNaN(_nextSampleH) || _nextSampleH < fromH)
        {
            _nextSampleH = fromH + stepH;
        }

        // Sample instants run on the monitor's own 1/Hz schedule, so every instant falls in exactly one stretch.
        long due = (long)Math.Floor(((toH - _nextSampleH) / stepH) + 1e-9) + 1;
        if (due <= 0)
        {
            _lastTruth = truthAtEnd;
            return Task.CompletedTask;
        }

        bool perSample = due <= MaxReadingsPerPush;
        if (perSample)
        {
            for (long k = 0; k < due; k++)
            {
                Take(_nextSampleH + (k * stepH), fromH, toH, start, truthAtEnd, withArtefacts: true);
            }
        }
        else
        {
            // Accelerated: per-minute means over the stretch (the most recent MaxReadingsPerPush minutes).
            int minutes = (int)Math.Min(MaxReadingsPerPush, Math.Ceiling((toH - fromH) * 60));
            for (int i = minutes - 1; i >= 0; i--)
            {
                Take(toH - (i / 60.0), fromH, toH, start, truthAtEnd, withArtefacts: false);
            }
        }

        _nextSampleH += due * stepH;
        _samples += due;
        metrics.VitalsSamples.Add(due, new KeyValuePair<string, object?>("mode", perSample ? "sample" : "minute-mean"));
        _lastTruth = truthAtEnd;
        return Task.CompletedTask;
    }

    private void Take(double t, double fromH, double toH, VitalsReading start, VitalsReading end, bool withArtefacts)
    {
        double w = (t - fromH) / (toH - fromH);
        var truth = new VitalSigns(
            Lerp(start.HrPerMin, end.HrPerMin, w), Lerp(start.SbpMmHg, end.SbpMmHg, w), Lerp(start.DbpMmHg, end.DbpMmHg, w),
            Lerp(start.Spo2Percent, end.Spo2Percent, w), Lerp(start.RrPerMin, end.RrPerMin, w));
        var v = _sampler!.Sample(t, truth, withArtefacts);
        var reading = new VitalsReading(t, v.HrPerMin, v.SbpMmHg, v.DbpMmHg, v.Spo2Percent, v.RrPerMin, v.Artefact == VitalsArtefact.None ? null : v.Artefact.ToString().ToLowerInvariant());
        Record(reading, v);
    }

    public Task<IReadOnlyList<VitalsReading>> GetRecentAsync(int count) =>
        Task.FromResult<IReadOnlyList<VitalsReading>>(_recent.Last(Math.Clamp(count, 0, Keep)));

    public Task<IReadOnlyList<AlarmView>> GetAlarmsAsync() => Task.FromResult<IReadOnlyList<AlarmView>>(Views());

    public Task<MonitorTelemetry> GetTelemetryAsync(int count) =>
        Task.FromResult(new MonitorTelemetry(_recent.Last(Math.Clamp(count, 0, Keep)), Views()));

    public Task<bool> AcknowledgeAsync(string kind) => Task.FromResult(_board?.Acknowledge(kind) ?? false);

    public Task<long> GetSampleCountAsync() => Task.FromResult(_samples);

    private void Record(VitalsReading reading, VitalSigns v)
    {
        _recent.Add(reading);
        foreach (var alarm in _board!.Record(reading.SimTimeH, v, _baselineHr))
        {
            string priority = alarm.Priority.ToString().ToLowerInvariant();
            metrics.Alarms.Add(1, new KeyValuePair<string, object?>("kind", alarm.Kind), new KeyValuePair<string, object?>("priority", priority));
            Log.AlarmRaised(logger, this.GetPrimaryKeyString(), alarm.Kind, priority, reading.SimTimeH);
        }
    }

    private AlarmView[] Views() =>
        _board is null ? [] : _board.Alarms.Select(a => new AlarmView(a.Kind, a.Priority.ToString().ToLowerInvariant(), a.RaisedAtH, a.Acknowledged, a.Escalated, a.Active)).ToArray();

    private static double Lerp(double a, double b, double w) => a + ((b - a) * w);
}
