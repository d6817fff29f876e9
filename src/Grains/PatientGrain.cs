using Microsoft.Extensions.Logging;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;
using WardTwin.Model.Titration;
using WardTwin.Model.Training;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains;

/// <summary>
/// A patient: the model's admission walk (PK/PD, pain, side effects, the protocol's care plan, the pump at
/// the bed) on the ward's clock. Its stored state is the admission and the journal of inputs by hand, written
/// at each of them; on activation the walk is rebuilt and the journal replayed, which gives back exactly the
/// state of the last write (the walk moves only at events and inputs, so how often the ward looked does not
/// matter). Between writes nothing is lost either: the walk re-derives every event from them.
/// The live walk keeps no log and no chart, so its memory does not grow over a 7-day admission: the pages'
/// event log, pump log and chart come from a replay with the log kept, made when a page asks.
/// </summary>
public sealed class PatientGrain(
    [PersistentState("patient", WardTwinStorage.Name)] IPersistentState<PatientState> state,
    ModelCatalog catalog,
    WardTwinMetrics metrics,
    TelemetryBatcher batcher,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private Admission? _walk;
    private bool _countTitrations;
    private WardClockView? _clock;
    private MonitorFeeder? _feeder;
    private int _eventCount;

    private PatientAdmission Admitted => state.State.Admission ?? throw NotAdmitted();

    private Admission Walk => _walk ?? throw NotAdmitted();

    private double WardTimeH => Admitted.AdmittedAtH + Walk.ClockH;

    private IBedsideMonitorGrain Monitor => GrainFactory.GetGrain<IBedsideMonitorGrain>(this.GetPrimaryKeyString());

    private MonitorFeeder Feeder => _feeder ??= new MonitorFeeder(Monitor, this.GetPrimaryKeyString(), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Admission is { } admission)
        {
            double until = Math.Max(state.State.Inputs.LastOrDefault()?.WalkTimeH ?? 0, state.State.EndedAtWalkH ?? 0);
            _walk = Replay(admission, state.State.Inputs, until, recordEvents: false, chart: null);
            Log.PatientRestored(logger, this.GetPrimaryKeyString(), state.State.Inputs.Count, admission.AdmittedAtH + _walk.ClockH);
        }

        return Task.CompletedTask;
    }

    public async Task AdmitAsync(PatientAdmission admission)
    {
        if (state.State.Admission is not null)
        {
            throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} is already admitted");
        }

        var walk = NewWalk(admission, recordEvents: false);
        await Store(new PatientState(admission, []));
        _walk = walk;
        var patient = walk.Patient;
        await Monitor.ConfigureAsync(new MonitorSetup(this.GetPrimaryKeyString(), patient.Vitals.HrPerMin, admission.MonitorHz, admission.Seed, admission.PatientIndex));
    }

    public async Task<PatientTick> AdvanceToAsync(double wardTimeH, WardClockView clock)
    {
        var a = Admitted;
        _countTitrations = true;
        Walk.AdvanceTo(wardTimeH - a.AdmittedAtH);
        metrics.InfusionRate.Record(Walk.DeliveredRateMgPerH, new KeyValuePair<string, object?>("protocol", a.ProtocolId));
        var vitals = Reading(WardTimeH, Walk.ExpectedVitals());
        _clock = clock;
        await PushTruth(force: false);
        PushBedside();
        await LeaveWhenEnded();
        return new PatientTick(Walk.TreatmentEnded, Walk.LastReportedNrs, Walk.DeliveredRateMgPerH, vitals, Walk.ClockH);
    }

    /// <summary>
    /// While someone watches the ward's details: what the bedside shows now, and a chart point, go out with the
    /// ward's telemetry (after every move and every hand on the pump or the patient), so no page has to ask.
    /// </summary>
    private void PushBedside()
    {
        if (_clock is { Watched: true } && state.State.Admission is { } a && _walk is { } walk)
        {
            string id = this.GetPrimaryKeyString();
            batcher.Post(a.WardId, new BedUpdate(AdmissionKey.Parse(id).Number, id, BedsideViews.StateNow(a, walk, _eventCount), BedsideViews.Pump(walk, []), BedsideViews.Point(WardTimeH, walk)));
        }
    }

    public async Task RefreshMonitorAsync()
    {
        if (state.State.Admission is not null)
        {
            await PushTruth(force: true);
        }
    }

    /// <summary>The monitor hears of the walk's new curve or the ward's new clock (once there is a clock to read).</summary>
    private Task PushTruth(bool force) =>
        _clock is null || _walk is null ? Task.CompletedTask : Feeder.PushAsync(Admitted, _walk, _clock, force);

    public Task<PatientSnapshot> GetSnapshotAsync()
    {
        var a = Admitted;
        var log = Record(chart: null).Log.Select(e => $"{a.AdmittedAtH + e.TimeH:0.000} h {e.Kind}: {e.Detail}").ToArray();
        return Task.FromResult(BedsideViews.Snapshot(this.GetPrimaryKeyString(), a, Walk, log, GrainContext.ActivationId.ToString()));
    }

    public Task<IReadOnlyList<PatientHistoryPoint>> GetHistoryAsync()
    {
        var chart = new PatientChart();
        Record(chart);
        return Task.FromResult(chart.Points);
    }

    public async Task GiveMidazolamAsync(double doseMg)
    {
        var limits = catalog.Parameters.SideEffects;
        if (MidazolamByHand.DoseRefusal(doseMg, limits) is { } badDose)
        {
            throw new ArgumentOutOfRangeException(nameof(doseMg), badDose);
        }

        _ = Admitted;
        if (Walk.TreatmentEnded)
        {
            throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} was discharged at {Admitted.AdmittedAtH + Walk.TreatmentEndH:0.00} h: no more doses on this ward");
        }

        if (MidazolamByHand.TimingRefusal(doseMg, Walk.ClockH - Walk.LastMidazolamH, PatientJournal.MidazolamMgSince(state.State.Inputs, Walk.ClockH - 24), limits) is { } tooSoon)
        {
            throw new ArgumentOutOfRangeException(nameof(doseMg), tooSoon);
        }

        var input = new PatientInput(Walk.ClockH, null, doseMg);
        await Store(state.State with { Inputs = state.State.Inputs.Add(input) });
        PatientJournal.Apply(Walk, input);
        await PushTruth(force: false);
        PushBedside();
    }

    public async Task GiveAsync(InterventionInput intervention)
    {
        var given = PatientJournal.ToModel(intervention);
        if (given.Kind == Model.Physiology.InterventionKind.Midazolam)
        {
            await GiveMidazolamAsync(given.Amount);
            return;
        }

        if (given.AmountRefusal(catalog.Parameters) is { } refused)
        {
            throw new ArgumentOutOfRangeException(nameof(intervention), refused);
        }

        _ = Admitted;
        if (Walk.TreatmentEnded)
        {
            throw new InvalidOperationException($"patient {this.GetPrimaryKeyString()} was discharged at {Admitted.AdmittedAtH + Walk.TreatmentEndH:0.00} h: nothing more is given on this ward");
        }

        var input = new PatientInput(Walk.ClockH, null, null, Intervention: intervention);
        await Store(state.State with { Inputs = state.State.Inputs.Add(input) });
        PatientJournal.Apply(Walk, input);
        await PushTruth(force: false);
        PushBedside();
    }

    public async Task DischargeAsync(string reason)
    {
        _ = Admitted;
        if (Walk.TreatmentEnded)
        {
            return;
        }

        var input = new PatientInput(Walk.ClockH, null, null, reason);
        await Store(state.State with { Inputs = state.State.Inputs.Add(input) });
        PatientJournal.Apply(Walk, input);
        await PushTruth(force: false);
        await LeaveWhenEnded();
    }

    /// <summary>
    /// A discharged patient's activation goes once idle: its bed is freed and nothing ticks it any more, and a page
    /// that asks later gets it back from storage at its end. A ward's memory then follows its live admissions. If
    /// the end cannot be stored the activation stays (it is the only record of how far the walk got).
    /// </summary>
    private async Task LeaveWhenEnded()
    {
        if (!Walk.TreatmentEnded)
        {
            return;
        }

        if (state.State.EndedAtWalkH is null)
        {
            try
            {
                await Store(state.State with { EndedAtWalkH = Walk.ClockH });
            }
            catch (StorageUnavailableException)
            {
                return; // logged by Store; the walk stays in memory
            }
        }

        DeactivateOnIdle();
    }

    public async Task<PumpReply> OperatePumpAsync(PumpKeyPress press)
    {
        var action = PatientJournal.ToAction(press);
        _ = Admitted;
        if (Walk.TreatmentEnded)
        {
            return new PumpReply("refused", $"patient {this.GetPrimaryKeyString()} was discharged at {Admitted.AdmittedAtH + Walk.TreatmentEndH:0.00} h: the pump is no longer in use", Walk.Pump.RateMgPerH, 0);
        }

        if (press.ExpectedRevision is { } seen && seen != Walk.PumpRevision)
        {
            var now = Walk.Pump;
            return new PumpReply("refused", $"the pump changed since you looked (now {now.State.ToString().ToLowerInvariant()} at {now.RateMgPerH:0.##} mg/h): look again before you confirm",
                now.RateMgPerH, now.DeliveredRateMgPerH, Walk.PumpRevision);
        }

        (press, bool unseen) = SoftLimitConfirmation.Check(press, Walk.Programme);
        action = PatientJournal.ToAction(press);
        var input = new PatientInput(Walk.ClockH, press with { ExpectedRevision = null }, null);

        // Stored before it is applied: a write that fails leaves walk and journal as they were.
        await Store(state.State with { Inputs = state.State.Inputs.Add(input) });
        var result = Walk.Operate(action);
        await PushTruth(force: false);
        PushBedside();
        Log.PumpKey(logger, this.GetPrimaryKeyString(), action.ToString(), result.Outcome.ToString().ToLowerInvariant(), result.Message, WardTimeH);
        string message = unseen ? result.Message + SoftLimitConfirmation.Asked : result.Message;
        return new PumpReply(result.Outcome.ToString().ToLowerInvariant(), message, Walk.Pump.RateMgPerH, Walk.Pump.DeliveredRateMgPerH, Walk.PumpRevision);
    }

    public Task<PumpView> GetPumpViewAsync()
    {
        var a = Admitted;
        return Task.FromResult(BedsideViews.Pump(Walk,
            Record(chart: null).Pump.Log.TakeLast(50).Select(e => $"{a.AdmittedAtH + e.TimeH:0.000} h {e.KindName}: {e.Detail}").ToArray()));
    }

    public async Task InjectAsync(InjectionInput injection)
    {
        _ = Admitted;
        var model = injection.ToModel(); // a malformed injection is refused before anything is stored
        var input = new PatientInput(Walk.ClockH, null, null, Injection: injection);
        await Store(state.State with { Inputs = state.State.Inputs.Add(input) });
        Walk.Inject(model);
        Log.Injected(logger, this.GetPrimaryKeyString(), model.Describe(), WardTimeH);
        await PushTruth(force: false);
        PushBedside();
    }

    public Task<PatientStateNow> GetStateNowAsync() => Task.FromResult(BedsideViews.StateNow(Admitted, Walk, _eventCount));

    public Task<IReadOnlyList<CourseEvent>> GetEventsAsync()
    {
        var a = Admitted;
        return Task.FromResult(CourseEvents.From(Record(chart: null).Log, a.AdmittedAtH));
    }

    public Task<PatientCourse> GetCourseAsync(double? atWardH = null, IReadOnlyList<double>? moments = null)
    {
        var a = Admitted;
        if (atWardH is { } t && t > WardTimeH && !Walk.TreatmentEnded)
        {
            // Where the ward's clock already is: the next tick would take the walk there through the same events.
            Walk.AdvanceTo(t - a.AdmittedAtH);
        }

        var chart = new PatientChart(moments);
        var walk = Record(chart);
        var protocol = PatientJournal.NewWalk(catalog, a, recordEvents: true, observe: null, byProtocol: true);
        return Task.FromResult(PatientJournal.Course(this.GetPrimaryKeyString(), a, walk, chart.Points, protocol, state.State.Inputs, Walk.ClockH) with { Moments = chart.AtMoments });
    }

    /// <summary>An unknown id: answer, and leave no activation behind (random ids must not fill a silo).</summary>
    private KeyNotFoundException NotAdmitted()
    {
        DeactivateOnIdle();
        return new($"patient {this.GetPrimaryKeyString()} is not admitted (no such patient, or not yet)");
    }

    private Admission NewWalk(PatientAdmission admission, bool recordEvents) => PatientJournal.NewWalk(catalog, admission, recordEvents, recordEvents ? null : Observe);

    /// <summary>The walk rebuilt from the stored admission and journal up to <paramref name="untilWalkH"/>, drawing a chart on the way if given one.</summary>
    private Admission Replay(PatientAdmission admission, IReadOnlyList<PatientInput> inputs, double untilWalkH, bool recordEvents, PatientChart? chart) =>
        PatientJournal.Replay(NewWalk(admission, recordEvents), admission, inputs, untilWalkH, chart);

    /// <summary>The live walk's course with its logs kept, replayed to where the live walk is now (for a page).</summary>
    private Admission Record(PatientChart? chart) => Replay(Admitted, state.State.Inputs, Walk.ClockH, recordEvents: true, chart);

    /// <summary>Counts the live walk's events (the page's log follows the count), and its titration decisions once each (not again when a new activation replays them).</summary>
    private void Observe(AdmissionEvent e)
    {
        _eventCount++;
        if (_countTitrations && e is TitrationEvent t)
        {
            metrics.TitrationEvents.Add(1, new KeyValuePair<string, object?>("action", WardTwinMetrics.Tag(t.Action)));
        }
    }

    private Task Store(PatientState next) => StateWrites.WriteOrRestoreAsync(state, next, "patient", this.GetPrimaryKeyString(), "nothing was applied", logger);

    private static VitalsReading Reading(double wardTimeH, VitalSigns v) =>
        new(wardTimeH, v.HrPerMin, v.SbpMmHg, v.DbpMmHg, v.Spo2Percent, v.RrPerMin, null);
}
