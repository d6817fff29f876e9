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
public sealed class BedsideMonitorGrain(
    [PersistentState("monitor", WardTwinStorage.Name)] IPersistentState<MonitorState> state,
    ModelCatalog catalog,
    WardTwinMetrics metrics,
    ILogger<BedsideMonitorGrain> logger) : Grain, IBedsideMonitorGrain
{
    private const int Keep = 300;
    private const int MaxReadingsPerPush = 120;
    private readonly ReadingRing _recent = new(Keep);
    private MonitorSetup? _setup;
    private VitalsSampler? _sampler;
    private AlarmBoard? _board;
    private VitalsReading? _lastTruth;
    private double _hz = 1;
    private double _baselineHr;
    private long _samples;
    private double _nextSampleH = double.NaN;
    private long _storedVersion;
    private StoreHealth? _health;

    private StoreHealth Health => _health ??= new StoreHealth("monitor", this.GetPrimaryKeyString(), logger, metrics);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Setup is { } setup)
        {
            Set(setup);
            if (s.Sampler is { } p)
            {
                _sampler!.Restore(new VitalsSamplerPosition(
                    new SeededRandomPosition(p.RandomState, p.SpareNormal, p.HasSpare), p.HrDrift, p.BpDrift, p.Spo2Drift, p.LastTimeH, p.ArtefactUntilH, (VitalsArtefact)p.Artefact));
            }

            _board!.Restore(s.Alarms.Select(a => new ActiveAlarm(a.Kind, (AlarmPriority)a.Priority, a.RaisedAtH) { Acknowledged = a.Acknowledged, Escalated = a.Escalated, Active = a.Active }));
            (_nextSampleH, _samples, _lastTruth) = (s.NextSampleH, s.Samples, s.LastTruth);
            _storedVersion = _board.Version;
        }

        return Task.CompletedTask;
    }

    /// <summary>Idle or moved: store the schedule. Not when the silo shuts down: its storage may already be gone (memory storage is).</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_board is not null && reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            await Checkpoint();
        }
    }

    public async Task ConfigureAsync(MonitorSetup setup)
    {
        if (setup.SampleHz <= 0 || !double.IsFinite(setup.SampleHz))
        {
            throw new ArgumentOutOfRangeException(nameof(setup), $"monitor sample rate must be > 0 Hz, not {setup.SampleHz}");
        }

        Set(setup);
        _nextSampleH = double.NaN;
        _samples = 0;
        _lastTruth = null;
        await Checkpoint();
    }

    private void Set(MonitorSetup setup)
    {
        _setup = setup;
        _hz = setup.SampleHz;
        _baselineHr = setup.BaselineHrPerMin;
        _sampler = new VitalsSampler(catalog.Parameters.Vitals, SeededRandom.For(setup.Seed, setup.PatientIndex, StreamPurpose.BedsideMonitor));
        _board = new AlarmBoard(catalog.Parameters.Alarms, catalog.Parameters.Simulation.AlarmEscalateAfterS / 3600);
    }

    public async Task ObserveAsync(double fromH, double toH, VitalsReading truthAtEnd)
    {
        if (_sampler is null || toH <= fromH)
        {
            return;
        }

        Sample(fromH, toH, truthAtEnd);
        if (_board!.Version != _storedVersion)
        {
            await Checkpoint();
        }
    }

    private void Sample(double fromH, double toH, VitalsReading truthAtEnd)
    {
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
            return;
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

    public async Task<bool> AcknowledgeAsync(string kind)
    {
        bool known = _board?.Acknowledge(kind) ?? false;
        if (known)
        {
            await Checkpoint();
        }

        return known;
    }

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

    /// <summary>Stores the board, schedule and sampler; a failed write is logged and tried again at the next change.</summary>
    private async Task Checkpoint()
    {
        var p = _sampler!.Position;
        state.State = new MonitorState(
            _setup,
            new StoredSampler(p.Random.State, p.Random.SpareNormal, p.Random.HasSpare, p.HrDrift, p.BpDrift, p.Spo2Drift, p.LastTimeH, p.ArtefactUntilH, (int)p.Artefact),
            [.. _board!.Alarms.Select(a => new StoredAlarm(a.Kind, (int)a.Priority, a.RaisedAtH, a.Acknowledged, a.Escalated, a.Active))],
            _nextSampleH, _samples, _lastTruth);
        if (await Health.CheckpointAsync(state, this))
        {
            _storedVersion = _board.Version;
        }
    }

    private AlarmView[] Views() =>
        _board is null ? [] : _board.Alarms.Select(a => new AlarmView(a.Kind, a.Priority.ToString().ToLowerInvariant(), a.RaisedAtH, a.Acknowledged, a.Escalated, a.Active)).ToArray();

    private static double Lerp(double a, double b, double w) => a + ((b - a) * w);
}
