using Microsoft.Extensions.Logging;
using WardTwin.Model.Parameters;
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
    private readonly Dictionary<string, AlarmState> _alarms = new(StringComparer.Ordinal);
    private VitalsSampler? _sampler;
    private AlarmEvaluator? _evaluator;
    private VitalsReading? _lastTruth;
    private double _hz = 1;
    private double _baselineHr;
    private long _samples;

    public Task ConfigureAsync(string patientId, double baselineHr, double sampleHz, long seed)
    {
        if (sampleHz <= 0 || !double.IsFinite(sampleHz))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleHz), $"monitor sample rate must be > 0 Hz, not {sampleHz}");
        }

        _hz = sampleHz;
        _baselineHr = baselineHr;
        _sampler = new VitalsSampler(catalog.Parameters.Vitals, new SeededRandom(SeededRandom.Key(seed, 0, (ulong)StreamPurpose.Monitor)));
        _evaluator = new AlarmEvaluator(catalog.Parameters.Alarms);
        return Task.CompletedTask;
    }

    public Task ObserveAsync(double fromH, double toH, VitalsReading truthAtEnd)
    {
        if (_sampler is null || toH <= fromH)
        {
            return Task.CompletedTask;
        }

        var start = _lastTruth ?? truthAtEnd;
        double seconds = (toH - fromH) * 3600;
        double samples = seconds * _hz;
        bool perSample = samples <= MaxReadingsPerPush;
        int readings = perSample ? Math.Max(1, (int)Math.Round(samples)) : Math.Min(MaxReadingsPerPush, (int)Math.Ceiling(seconds / 60));
        double step = (toH - fromH) / readings;
        for (int i = 1; i <= readings; i++)
        {
            double t = perSample || readings < MaxReadingsPerPush ? fromH + (i * step) : toH - ((readings - i) / 60.0);
            double w = (t - fromH) / (toH - fromH);
            var truth = new VitalSigns(
                Lerp(start.HrPerMin, truthAtEnd.HrPerMin, w), Lerp(start.SbpMmHg, truthAtEnd.SbpMmHg, w), Lerp(start.DbpMmHg, truthAtEnd.DbpMmHg, w),
                Lerp(start.Spo2Percent, truthAtEnd.Spo2Percent, w), Lerp(start.RrPerMin, truthAtEnd.RrPerMin, w));
            var v = _sampler.Sample(t, truth, withArtefacts: perSample);
            var reading = new VitalsReading(t, v.HrPerMin, v.SbpMmHg, v.DbpMmHg, v.Spo2Percent, v.RrPerMin, v.Artefact == VitalsArtefact.None ? null : v.Artefact.ToString().ToLowerInvariant());
            Record(reading, v);
        }

        long taken = perSample ? readings : (long)samples;
        _samples += taken;
        metrics.VitalsSamples.Add(taken, new KeyValuePair<string, object?>("mode", perSample ? "sample" : "minute-mean"));
        _lastTruth = truthAtEnd;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VitalsReading>> GetRecentAsync(int count) =>
        Task.FromResult<IReadOnlyList<VitalsReading>>(_recent.Last(Math.Clamp(count, 0, Keep)));

    public Task<IReadOnlyList<AlarmView>> GetAlarmsAsync() =>
        Task.FromResult<IReadOnlyList<AlarmView>>(_alarms.Select(a => a.Value.View(a.Key)).ToArray());

    public Task<bool> AcknowledgeAsync(string kind)
    {
        if (!_alarms.TryGetValue(kind, out var alarm))
        {
            return Task.FromResult(false);
        }

        alarm.Acknowledged = true;
        if (!alarm.Active)
        {
            _alarms.Remove(kind);
        }

        return Task.FromResult(true);
    }

    public Task<long> GetSampleCountAsync() => Task.FromResult(_samples);

    private void Record(VitalsReading reading, VitalSigns v)
    {
        _recent.Add(reading);

        var rules = _evaluator!.Rules;
        double escalateAfterH = catalog.Parameters.Simulation.AlarmEscalateAfterS / 3600;
        for (int i = 0; i < rules.Count; i++)
        {
            string kind = AlarmEvaluator.Name(rules[i]);
            bool met = AlarmEvaluator.IsMet(rules[i], v, _baselineHr);
            if (met && (!_alarms.TryGetValue(kind, out var existing) || !existing.Active))
            {
                _alarms[kind] = new AlarmState(rules[i].Priority, reading.SimTimeH);
                metrics.Alarms.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("priority", rules[i].Priority.ToString().ToLowerInvariant()));
                Log.AlarmRaised(logger, this.GetPrimaryKeyString(), kind, rules[i].Priority.ToString(), reading.SimTimeH);
            }
            else if (_alarms.TryGetValue(kind, out var alarm))
            {
                alarm.Active = met;
                if (met && !alarm.Acknowledged && !alarm.Escalated && reading.SimTimeH - alarm.RaisedAtH >= escalateAfterH)
                {
                    alarm.Escalated = true;
                    alarm.Priority = alarm.Priority == AlarmPriority.High ? AlarmPriority.High : alarm.Priority + 1;
                }

                if (!met && alarm.Acknowledged)
                {
                    _alarms.Remove(kind);
                }
            }
        }
    }

    private static double Lerp(double a, double b, double w) => a + ((b - a) * w);

    private sealed class AlarmState(AlarmPriority priority, double raisedAtH)
    {
        public AlarmPriority Priority { get; set; } = priority;

        public double RaisedAtH { get; } = raisedAtH;

        public bool Acknowledged { get; set; }

        public bool Escalated { get; set; }

        public bool Active { get; set; } = true;

        public AlarmView View(string kind) => new(kind, Priority.ToString().ToLowerInvariant(), RaisedAtH, Acknowledged, Escalated, Active);
    }
}
