using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WardTwin.Model.Parameters;
using WardTwin.Model.Randomness;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains;

/// <summary>
/// A bedside monitor. It samples on its own real-time schedule (its rate, and a phase of its own so a ward's
/// monitors do not all sample at one instant), independent of the ward's tick: the patient pushes its truth
/// curve at each of its events, and between events the curve is exact, so the monitor evaluates the truth at
/// its own sample instant, adds noise, drift and artefacts, raises alarms (IEC 60601-1-8 priorities,
/// acknowledgement, escalation) and hands every reading and alarm change to its silo's telemetry batcher.
/// </summary>
public sealed class BedsideMonitorGrain(
    [PersistentState("monitor", WardTwinStorage.Name)] IPersistentState<MonitorState> state,
    ModelCatalog catalog,
    WardTwinMetrics metrics,
    TelemetryBatcher batcher,
    [FromKeyedServices(Orleans.Runtime.TimeProviderNames.Grains)] TimeProvider time,
    ILogger<BedsideMonitorGrain> logger) : Grain, IBedsideMonitorGrain
{
    // What the patient page draws, no more: even at 16 bytes a reading the ring is a tenth of a bed's memory.
    private const int Keep = MonitorLimits.RecentReadings;
    private readonly ReadingRing _recent = new(Keep);
    private readonly VitalsModel _vitals = new(catalog.Parameters.Vitals);
    private MonitorSetup? _setup;
    private VitalsSampler? _sampler;
    private AlarmBoard? _board;
    private TruthFeed? _feed;
    private VitalsCurve? _curve;
    private Model.Physiology.BreathingModel? _breathing;
    private IGrainTimer? _timer;
    private SampleSchedule? _schedule;
    private readonly long[] _due = new long[SampleSchedule.MaxOwed];
    private double _lastSimH = double.NegativeInfinity;
    private long _samples;
    private long _storedVersion;
    private StoreHealth? _health;

    private StoreHealth Health => _health ??= new StoreHealth("monitor", this.GetPrimaryKeyString(), logger, metrics);

    private string WardId => AdmissionKey.Parse(this.GetPrimaryKeyString()).Ward;

    private int PatientNumber => AdmissionKey.Parse(this.GetPrimaryKeyString()).Number;

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
            (_lastSimH, _samples) = (double.IsNaN(s.LastSampleH) ? double.NegativeInfinity : s.LastSampleH, s.Samples);
            _storedVersion = _board.Version;

            // Moved or woken: ask the patient for its curve and clock, and go on sampling where it left off.
            GrainFactory.GetGrain<IPatientGrain>(setup.PatientId).RefreshMonitorAsync().Ignore();
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
        _lastSimH = double.NegativeInfinity;
        _samples = 0;
        _timer?.Dispose();
        _timer = null;
        _schedule = null;
        await Checkpoint();
    }

    public Task FeedAsync(TruthFeed feed)
    {
        if (_setup is null)
        {
            return Task.CompletedTask;
        }

        _feed = feed;
        _curve = new VitalsCurve(feed.FromH, feed.FastSteadyNgPerMl, feed.ModeCoefficients, feed.ModeRatesPerH,
            new Model.Simulation.VitalsBaseline(feed.HrPerMin, feed.SbpMmHg, feed.DbpMmHg, feed.Spo2Percent, feed.RrPerMin),
            feed.ClonidineUntilH, feed.LastMidazolamH, feed.TreatmentEnded,
            feed.Shift is { } sh ? new Model.Simulation.VitalsShift(sh.HrPerMin, sh.SbpMmHg, sh.DbpMmHg, sh.Spo2Percent, sh.UntilH, sh.RrPerMin, sh.ExtraAaMmHg, sh.ReferenceFastNgPerMl) : null,
            feed.ProbeOffUntilH,
            feed.Breathing is { } br ? new Model.Physiology.BreathingState(br.WeightKg, new(br.MidazolamTimesH, br.MidazolamMg), new(br.FlumazenilTimesH, br.FlumazenilMg),
                br.OxygenLPerMin, br.Spo2DeltaAtFromH, br.RestingSpo2OnAirPercent) : null);
        if (feed.Breathing is { } b && (_breathing?.WeightKg != b.WeightKg || _breathing.RestingSpo2OnAirPercent != b.RestingSpo2OnAirPercent))
        {
            _breathing = new Model.Physiology.BreathingModel(catalog.Parameters.Physiology, catalog.Parameters.Pk, b.WeightKg, b.RestingSpo2OnAirPercent);
        }
        if (feed.TreatmentEnded)
        {
            // Discharged: the monitor is taken off, and its activation goes (its state is written on the way out).
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
        }
        else if (_timer is null)
        {
            var period = TimeSpan.FromSeconds(1 / _setup.SampleHz);
            var phase = Phase(period);
            _schedule = new SampleSchedule(time.GetUtcNow().ToUnixTimeMilliseconds() + (long)phase.TotalMilliseconds, period.TotalMilliseconds);
            _timer = this.RegisterGrainTimer(_ => Tick(), new GrainTimerCreationOptions(phase, period) { KeepAlive = true });

            // The series exists at zero from the first monitor on, so "nothing skipped" reads as 0, not as no data.
            metrics.MonitorSamplesSkipped.Add(0);
        }

        return Task.CompletedTask;
    }

    /// <summary>Each monitor samples at its own offset within the period (from its id), as real monitors do.</summary>
    private TimeSpan Phase(TimeSpan period)
    {
        ulong h = SeededRandom.Key(_setup!.Seed, _setup.PatientIndex, (ulong)StreamPurpose.BedsideMonitor);
        return TimeSpan.FromTicks((long)(period.Ticks * ((h >> 11) * (1.0 / (1UL << 53)))));
    }

    private async Task Tick()
    {
        if (_feed is null || _curve is null || _schedule is null)
        {
            return;
        }

        long boardBefore = _board!.Version;
        int n = _schedule.TakeDue(time.GetUtcNow().ToUnixTimeMilliseconds(), _due, out long skipped);
        if (skipped > 0)
        {
            // Given up, not hidden: the sequence numbers move on, so a subscriber sees the gap.
            _samples += skipped;
            metrics.MonitorSamplesSkipped.Add(skipped);
        }

        for (int i = 0; i < n; i++)
        {
            SampleAt(_due[i]);
        }

        // Aim at the next instant of the schedule, not one period after this turn ended.
        _timer?.Change(_schedule.DelayToNext(time.GetUtcNow().ToUnixTimeMilliseconds()), TimeSpan.FromMilliseconds(_schedule.PeriodMs));
        if (_board.Version != boardBefore && _board.Version != _storedVersion)
        {
            await Checkpoint();
        }
    }

    /// <summary>One reading at its own instant of the schedule; raised alarms and board changes go to the batcher with it.</summary>
    private void SampleAt(long sampledMs)
    {
        // A paused ward stands still: its monitors keep showing their last reading (one that has none takes where the ward stands).
        double simH = _feed!.Clock.SimulationHourAt(DateTimeOffset.FromUnixTimeMilliseconds(sampledMs));
        if ((!_feed.Clock.Running && double.IsFinite(_lastSimH)) || simH <= _lastSimH)
        {
            return; // paused, or as fast as possible with no new hour yet
        }

        _lastSimH = simH;

        // An instant caught up late may fall before the patient's latest curve began: that curve is the truth it has.
        var v = _sampler!.Sample(simH, _curve!.At(Math.Max(simH, _feed.FromH), _vitals, _breathing), withArtefacts: true);
        if (_curve.ProbeOffAt(simH))
        {
            // A scenario's loose probe: the saturation reads falsely low, as the monitor's own probe-off artefact.
            v = v with { Spo2Percent = Math.Max(0, v.Spo2Percent - catalog.Parameters.Vitals.ProbeOffSpo2Drop), Artefact = VitalsArtefact.ProbeOff };
        }

        _samples++;
        var reading = new VitalsReading(simH, v.HrPerMin, v.SbpMmHg, v.DbpMmHg, v.Spo2Percent, v.RrPerMin, v.Artefact == VitalsArtefact.None ? null : v.Artefact.ToString().ToLowerInvariant());
        _recent.Add(reading);
        batcher.Post(WardId, new MonitorReading(PatientNumber, _samples, simH, sampledMs,
            (float)v.HrPerMin, (float)v.SbpMmHg, (float)v.DbpMmHg, (float)v.Spo2Percent, (float)v.RrPerMin, (byte)v.Artefact));
        metrics.VitalsSamples.Add(1);

        long before = _board!.Version;
        var raised = _board.Record(simH, v, _setup!.BaselineHrPerMin, (DeviceConditions)_feed.Devices);
        foreach (var alarm in raised)
        {
            string priority = alarm.Priority.ToString().ToLowerInvariant();
            metrics.Alarms.Add(1, new KeyValuePair<string, object?>("kind", alarm.Kind), new KeyValuePair<string, object?>("priority", priority));
            Log.AlarmRaised(logger, this.GetPrimaryKeyString(), alarm.Kind, priority, simH);
        }

        if (_board.Version != before)
        {
            batcher.Post(WardId, new AlarmBoardChange(PatientNumber, Views(), [.. raised.Select(a => a.Kind)], raised.Count > 0 ? sampledMs : 0, sampledMs));
        }
    }

    private void Set(MonitorSetup setup)
    {
        _setup = setup;
        _sampler = new VitalsSampler(catalog.Parameters.Vitals, SeededRandom.For(setup.Seed, setup.PatientIndex, StreamPurpose.BedsideMonitor));
        _board = new AlarmBoard(catalog.Parameters.BedsideAlarms, catalog.Parameters.Simulation.AlarmEscalateAfterS / 3600);
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
            long now = time.GetUtcNow().ToUnixTimeMilliseconds();
            batcher.Post(WardId, new AlarmBoardChange(PatientNumber, Views(), [], 0, now));
            await Checkpoint();
        }

        return known;
    }

    public Task<long> GetSampleCountAsync() => Task.FromResult(_samples);

    /// <summary>Stores the board, the sample count and the sampler; a failed write is logged and tried again at the next change.</summary>
    private async Task Checkpoint()
    {
        var p = _sampler!.Position;
        state.State = new MonitorState(
            _setup,
            new StoredSampler(p.Random.State, p.Random.SpareNormal, p.Random.HasSpare, p.HrDrift, p.BpDrift, p.Spo2Drift, p.LastTimeH, p.ArtefactUntilH, (int)p.Artefact),
            [.. _board!.Alarms.Select(a => new StoredAlarm(a.Kind, (int)a.Priority, a.RaisedAtH, a.Acknowledged, a.Escalated, a.Active))],
            _lastSimH, _samples);
        if (await Health.CheckpointAsync(state, this))
        {
            _storedVersion = _board.Version;
        }
    }

    private AlarmView[] Views() =>
        _board is null ? [] : _board.Alarms.Select(a => new AlarmView(a.Kind, a.Priority.ToString().ToLowerInvariant(), a.RaisedAtH, a.Acknowledged, a.Escalated, a.Active,
            _board.RuleOf(a.Kind) is { } r ? AlarmEvaluator.Label(r) : a.Kind, _board.RuleOf(a.Kind)?.Category == AlarmCategory.Technical ? "technical" : "physiological")).ToArray();
}
