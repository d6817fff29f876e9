using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Physiology;
using WardTwin.Model.Pk;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Randomness;
using WardTwin.Model.Titration;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>
/// One admission of one virtual patient under one protocol, walked event by event on simulation time:
/// the protocol's events and the pump's own events, in time order. The PK/PD state moves exactly, and
/// only at events and at a host's inputs (a key pressed on the pump, a dose by hand), never at the
/// instants a host merely looks; so the course depends on the events and inputs alone, and a host that
/// replays the same inputs at the same times gets a bit-identical walk. The reference engine runs it as
/// a plain loop; a patient grain moves it with its ward's clock.
/// </summary>
public sealed partial class Admission
{
    // What the admission was made with (a live ward's options); the same for every patient a reused admission walks.
    private readonly List<AdmissionEvent>? _log;
    private readonly Action<AdmissionEvent>? _observer;
    private readonly Action<AdmissionEvent> _note;
    private readonly bool _traineeTitrates;
    private readonly bool _traineeCoMedicates;
    private readonly double _traineeFromH;
    private readonly LivePhysiology? _live;

    // The protocol's and the parameters' (from the plan, shared by every admission under it).
    private ProtocolPlan _plan;
    private Protocol _protocol;
    private ModelParameters _parameters;
    private SideEffectModel _sideEffects;
    private VitalsModel _vitals;
    private AlarmEvaluator _alarms;
    private TitrationEngine? _titration;
    private IReadOnlyList<(double StartH, double EndH)> _infusions;
    private TimelineEvent[] _treatment;
    private IReadOnlyList<PainMeasure> _assessmentMeasures;
    private OutcomeTimes _outcomeTimes;
    private double _sessionH;

    // The patient's; a reused admission resets these in place rather than making new ones (see Restart).
    private readonly PkPdSystem _system;
    private readonly PkPdState _pk;
    private PkPdState? _endPk;
    private PainModel _pain;
    private VitalsSampler _sampler;
    private ObservationTracker _tracker;
    private readonly BedsidePump _pump;
    private CoMedicationPlan _comedication;
    private OutcomeRecord _outcome;
    private List<TimelineEvent>? _afterEvents;
    private double _hardMaxInProtocolUnits;
    private double _mgPerHPerProtocolUnit;

    // Where the walk stands.
    private int _treatmentCount;
    private List<TimelineEvent>? _after;
    private int _nextAfter;
    private SeededRandom _background;
    private SeededRandom _discharge;
    private int _next;
    private double _titrationRate;
    private bool _titrationFrozen;
    private double? _titrationFrozenRate;
    private bool _running;
    private double _treatmentEndH = double.NaN;
    private string? _earlyDischargeReason;
    private VitalsShift? _vitalsShift;
    private double _probeOffUntilH = double.NegativeInfinity;

    /// <param name="recordEvents">Keep the admission's and the pump's logs (tests, a replay for a page); cohorts and live
    /// wards skip them, so memory does not grow with the admission.</param>
    /// <param name="wardNurseHangsBags">A nurse hangs a new bag when the pump warns near-empty (cohorts, unattended wards);
    /// without one the bag runs empty until someone replaces it by hand.</param>
    /// <param name="observer">Told of every event as it happens, whether or not the log is kept (a live ward counts
    /// titrations with it).</param>
    /// <param name="traineeTitrates">A trainee decides each titration review: the walk notes what the protocol's rule would
    /// set (<see cref="ReviewDueEvent"/>) and leaves the pump to the trainee.</param>
    /// <param name="traineeFromH">When the trainee takes over (hours of the walk): before it the protocol titrates and the ward nurse hangs bags.</param>
    /// <param name="traineeCoMedicates">From <paramref name="traineeFromH"/> the trainee decides the co-medication: the protocol gives none of its
    /// scheduled or triggered doses (a clonidine patch already on stays on).</param>
    /// <param name="carried">A later course of the same patient: the PK/PD state the last course left (its time is this course's 0 h),
    /// so the slow effect site starts where the first course left it. Null: a first course, from nothing.</param>
    /// <param name="livePhysiology">A live ward's patient (grains, training): midazolam PK and MOAA/S sedation, breathing and SpO2 with its
    /// lag, flumazenil, ondansetron and oxygen, and side-effect grades at every look. Cohorts leave it off and walk the card's model as calibrated.</param>
    public Admission(ProtocolPlan plan, VirtualPatient patient, bool recordEvents = false, bool wardNurseHangsBags = true, Action<AdmissionEvent>? observer = null,
        bool traineeTitrates = false, double traineeFromH = 0, PkPdSnapshot? carried = null, bool traineeCoMedicates = false, bool livePhysiology = false)
    {
        _traineeTitrates = traineeTitrates;
        _traineeCoMedicates = traineeCoMedicates;
        _traineeFromH = traineeFromH;
        _log = recordEvents ? [] : null;
        _observer = observer;
        _note = Note;
        UsePlan(plan, patient);
        var parameters = plan.Parameters;
        (double sFraction, double rFraction) = Fractions(plan.Protocol);
        _system = new PkPdSystem(patient.Pk, sFraction, rFraction, parameters.Pain.RPotency, patient.Ke0SlowPerH, patient.Ke0FastPerH);
        _pk = new PkPdState(_system);
        _pain = new PainModel(parameters.Pain);
        _sampler = new VitalsSampler(parameters.Vitals, MonitorStream(patient));
        _tracker = NewTracker(parameters);
        _pump = new BedsidePump(PumpProgrammeFor(plan, patient), recordEvents, wardNurseHangsBags) { NurseUntilH = traineeFromH };
        _comedication = new CoMedicationPlan(plan, patient);
        _outcome = NewOutcomeRecord();
        StartWalk(patient, carried);
        if (livePhysiology)
        {
            _live = new LivePhysiology(parameters, patient);
            _comedication.OnMidazolam = _live.GiveMidazolam;
        }
    }

    /// <summary>
    /// This admission walks another patient from the start, exactly as a new one made with the same options would (a cohort's
    /// runner keeps one per thread: the PK/PD system and state, the tracker, the pump, the records and their arrays are reset
    /// in place, not made again for each of thousands of patients). Only for an admission without a log, observer, trainee or
    /// live physiology, whose earlier patient nobody reads any more: its outcome is a separate object, made before this.
    /// </summary>
    internal void Restart(ProtocolPlan plan, VirtualPatient patient, PkPdSnapshot? carried = null)
    {
        if (_log is not null || _observer is not null || _traineeTitrates || _traineeCoMedicates || _live is not null)
        {
            throw new InvalidOperationException("only a cohort's admission (no log, observer, trainee or live physiology) is walked again");
        }

        var parameters = plan.Parameters;
        if (!ReferenceEquals(parameters, _parameters))
        {
            // The pain model's cache is the patient's C50 and is checked at each use: only other parameters need another model.
            _pain = new PainModel(parameters.Pain);
        }

        UsePlan(plan, patient);
        (double sFraction, double rFraction) = Fractions(plan.Protocol);
        _system.Reset(patient.Pk, sFraction, rFraction, parameters.Pain.RPotency, patient.Ke0SlowPerH, patient.Ke0FastPerH);
        _pk.Reset();
        if (_sampler.Fits(parameters.Vitals))
        {
            _sampler.Reset(MonitorStream(patient));
        }
        else
        {
            _sampler = new VitalsSampler(parameters.Vitals, MonitorStream(patient));
        }

        if (_tracker.Fits(parameters.Alarms.Count, parameters.Simulation.ObservationIntervalH))
        {
            _tracker.Reset();
        }
        else
        {
            _tracker = NewTracker(parameters);
        }

        var (hardMax, softMax) = PumpLimitsFor(plan, patient);
        _pump.Reset(plan.PumpBag, hardMax, softMax);
        if (_comedication.Fits(plan))
        {
            _comedication.Reset(patient);
        }
        else
        {
            _comedication = new CoMedicationPlan(plan, patient);
        }

        if (_outcome.Fits(_assessmentMeasures.Count, _outcomeTimes.FollowUpHorizonWeeks))
        {
            _outcome.Reset();
        }
        else
        {
            _outcome = NewOutcomeRecord();
        }

        StartWalk(patient, carried);
    }

    /// <summary>The plan's shared parts, for a walk under it.</summary>
    [MemberNotNull(nameof(_plan), nameof(_protocol), nameof(_parameters), nameof(_sideEffects), nameof(_vitals), nameof(_alarms), nameof(_infusions), nameof(_treatment),
        nameof(_assessmentMeasures), nameof(_outcomeTimes), nameof(Patient))]
    private void UsePlan(ProtocolPlan plan, VirtualPatient patient)
    {
        _plan = plan;
        _protocol = plan.Protocol;
        _parameters = plan.Parameters;
        _sideEffects = plan.SideEffects;
        _vitals = plan.Vitals;
        _alarms = plan.Alarms;
        _titration = plan.Titration;
        _infusions = plan.Infusions;
        _treatment = plan.TreatmentEvents;
        _assessmentMeasures = plan.AssessmentMeasures;
        _outcomeTimes = plan.OutcomeTimes;
        _sessionH = plan.SessionH;
        Patient = patient;
    }

    /// <summary>The patient's own numbers and streams, and the walk at its start (the objects are already new or reset).</summary>
    private void StartWalk(VirtualPatient patient, PkPdSnapshot? carried)
    {
        if (carried is not null)
        {
            _pk.Restore(carried);
        }

        _background = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.BackgroundSideEffects);
        _discharge = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Discharge);
        _mgPerHPerProtocolUnit = RateUnits.ToMgPerHour(1, _protocol.Rate.Unit, patient.WeightKg, _sessionH);
        _hardMaxInProtocolUnits = _protocol.Limits.HardMax.ToMgPerHour(patient.WeightKg, _sessionH) / _mgPerHPerProtocolUnit;
        _titrationRate = _protocol.Rate.Start;
        _titrationFrozen = false;
        _titrationFrozenRate = null;
        ClockH = 0;
        _treatmentCount = _treatment.Length;
        _after = null;
        _nextAfter = 0;
        _next = 0;
        _running = false;
        _treatmentEndH = double.NaN;
        _earlyDischargeReason = null;
        _vitalsShift = null;
        _probeOffUntilH = double.NegativeInfinity;
        LastReportedNrs = null;
        LastNoticedRelief = null;
        LastReviewH = null;
    }

    private static (double S, double R) Fractions(Protocol protocol) => protocol.Product == Product.SKetamine ? (1.0, 0.0) : (0.5, 0.5);

    private static SeededRandom MonitorStream(VirtualPatient patient) => SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Monitor);

    private static ObservationTracker NewTracker(ModelParameters parameters) => new(parameters.Alarms.Count, parameters.Simulation.ObservationIntervalH);

    private OutcomeRecord NewOutcomeRecord() => new(_assessmentMeasures.Count, _outcomeTimes.FollowUpHorizonWeeks);

    public VirtualPatient Patient { get; private set; }

    /// <summary>Where the host's clock has brought the walk (hours since admission); every event up to it is handled.</summary>
    public double ClockH { get; private set; }

    public bool Finished => _next >= _treatmentCount && _after is not null && _nextAfter >= _after.Count && _pump.NextEventTimeH is null;

    /// <summary>The next protocol or pump event, if any.</summary>
    public double? NextEventTimeH
    {
        get
        {
            double? timeline = TimelineFinished ? null : Peek().TimeH;
            return _pump.NextEventTimeH is { } p && (timeline is null || p < timeline) ? p : timeline;
        }
    }

    /// <summary>The pump rate the protocol asks for now, in the protocol's unit.</summary>
    public double ProtocolRate => _titrationRate;

    public double DeliveredRateMgPerH => _pk.RateMgPerH;

    public IReadOnlyList<AdmissionEvent> Log => _log ?? [];

    /// <summary>The pump programme this patient needs (limits in mg/h for the patient's weight, the bag).</summary>
    public PumpProgramme Programme => _pump.Pump.Programme;

    /// <summary>The pump at the bed (its state moves at events and inputs; see <see cref="InfusionPump.ProjectedAt"/> for the instants between).</summary>
    public InfusionPump Pump => _pump.Pump;

    /// <summary>The pump's revision: up by one at each change of it.</summary>
    public long PumpRevision => _pump.Revision;

    public bool TreatmentEnded => !double.IsNaN(_treatmentEndH);

    /// <summary>When midazolam was last given (by the protocol or by hand), hours of the walk; -∞ if never.</summary>
    public double LastMidazolamH => _comedication.LastMidazolamH;

    /// <summary>When the next titration review is due (hours of the walk), if one is left.</summary>
    public double? NextReviewH
    {
        get
        {
            for (int i = _next; i < _treatmentCount; i++)
            {
                if (_treatment[i].Kind == TimelineEventKind.Review)
                {
                    return _treatment[i].TimeH;
                }
            }

            return null;
        }
    }

    public double TreatmentEndH => _treatmentEndH;

    /// <summary>The last score of current pain the patient reported (review, assessment, T1), if any; worst-of-24-h scores go to the outcome only.</summary>
    public int? LastReportedNrs { get; private set; }

    /// <summary>Whether the patient noticed pain reduction when last asked at a review (null before the first).</summary>
    public bool? LastNoticedRelief { get; private set; }

    /// <summary>When the last titration review was (hours of the walk), if one was.</summary>
    public double? LastReviewH { get; private set; }

    /// <summary>What the titration rule would read if a review were now: relief as last noticed, the worst side effects and the alarms since the last review.</summary>
    public TitrationReport RuleInputsNow() => _tracker.Report(LastNoticedRelief ?? false, _alarms.Rules);

    /// <summary>The worst grade of each side effect the observations saw since the last review.</summary>
    public IReadOnlyDictionary<string, SideEffectGrade> SideEffectsSinceReview() => _tracker.SinceReviewByName();

    /// <summary>Concentrations at the host's clock.</summary>
    public Concentrations ConcentrationsNow => _pk.ConcentrationsAt(ClockH);

    private bool TimelineFinished => _next >= _treatmentCount && (_after is null || _nextAfter >= _after.Count);

    public static PumpProgramme PumpProgrammeFor(ProtocolPlan plan, VirtualPatient patient)
    {
        var (hardMax, softMax) = PumpLimitsFor(plan, patient);
        return plan.PumpBag with { HardMaxMgPerH = hardMax, SoftMaxMgPerH = softMax };
    }

    /// <summary>The drug library's limits for the patient's weight, mg/h.</summary>
    private static (double HardMax, double? SoftMax) PumpLimitsFor(ProtocolPlan plan, VirtualPatient patient)
    {
        var p = plan.Protocol;
        double sessionH = p.Schedule.SessionH ?? 1;
        return (p.Limits.HardMax.ToMgPerHour(patient.WeightKg, sessionH), p.Limits.SoftMax?.ToMgPerHour(patient.WeightKg, sessionH));
    }

    /// <summary>The pump programme's drug and bag under a protocol: the same for every patient (the limits are not: 0 and none here).</summary>
    internal static PumpProgramme PumpBagFor(Protocol p, PumpParameters defaults) => new(
        p.Arm == Arm.Placebo ? "saline (placebo)" : p.Product == Product.SKetamine ? "S-ketamine" : "racemic ketamine",
        p.Bag?.ConcentrationMgPerMl ?? defaults.ConcentrationMgPerMl,
        p.Bag?.VolumeMl ?? defaults.BagVolumeMl,
        HardMaxMgPerH: 0,
        SoftMaxMgPerH: null,
        defaults.NearEmptyMinutes);

    public AdmissionOutcome RunToEnd()
    {
        while (!Finished)
        {
            ProcessNext();
        }

        return Outcome();
    }

    /// <summary>Advances to the next event (the protocol's or the pump's) and handles it.</summary>
    public void ProcessNext()
    {
        if (_pump.NextEventTimeH is { } pumpAt && (TimelineFinished || pumpAt < Peek().TimeH))
        {
            AdvancePk(pumpAt);
            var (delivered, alert) = _pump.HandleEvent(pumpAt, describe: Noting);
            if (alert is not null)
            {
                Note(alert);
            }

            Deliver(delivered);
            ClockH = Math.Max(ClockH, pumpAt);
            return;
        }

        var e = Peek();
        if (_next < _treatmentCount)
        {
            _next++;
        }
        else
        {
            _nextAfter++;
        }

        AdvancePk(e.TimeH);
        ClockH = Math.Max(ClockH, e.TimeH);
        switch (e.Kind)
        {
            case TimelineEventKind.DayStart:
                StartDay(e.Arg);
                break;
            case TimelineEventKind.InfusionStart:
                _running = true;
                ApplyRate();
                break;
            case TimelineEventKind.InfusionStop:
                _running = false;
                Deliver(_pump.Stop(e.TimeH));
                break;
            case TimelineEventKind.Observation:
                Observe(e.TimeH, scheduled: true);
                break;
            case TimelineEventKind.Review:
                Review(e.TimeH);
                break;
            case TimelineEventKind.Assessment:
                Assess(e.TimeH, e.Arg);
                break;
            case TimelineEventKind.CoMedication when !TraineeCoMedicates(e.TimeH):
                if (_comedication.Scheduled(e.TimeH, e.Arg, describe: Noting) is { } given)
                {
                    Note(given);
                }

                break;
            case TimelineEventKind.TreatmentEnd:
                EndTreatment(e.TimeH, null);
                break;
            case TimelineEventKind.T1:
                _outcome.NrsT1 = ReportNrs(e.TimeH, _outcomeTimes.Measure);
                break;
            case TimelineEventKind.WeeklyAfter:
                _outcome.Weekly[e.Arg - 1] = ReportNrs(e.TimeH, _outcomeTimes.Measure);
                break;
            case TimelineEventKind.T2:
                _outcome.NrsT2 = ReportNrs(e.TimeH, _outcomeTimes.Measure);
                break;
        }
    }

    private bool TraineeCoMedicates(double t) => _traineeCoMedicates && t >= _traineeFromH;

    /// <summary>Moves the PK/PD state to <paramref name="t"/>; a live walk first carries its lagged SpO2 along the curve it leaves.</summary>
    private void AdvancePk(double t)
    {
        if (_live is not null && t > _pk.TimeH)
        {
            _live.Settle(TruthCurve(), t);
        }

        _pk.AdvanceTo(t);
    }

    private TimelineEvent Peek() => _next < _treatmentCount ? _treatment[_next] : _after![_nextAfter];

    /// <summary>Where a workspace's admission takes its outcomes' grade and alarm arrays from (null: new ones for each outcome).</summary>
    internal SharedOutcomeArrays? SharedArrays { get; set; }

    /// <summary>Someone reads the events (a log or an observer): otherwise none is made at all (a cohort's walk).</summary>
    private bool Noting => _log is not null || _observer is not null;

    private void Note(AdmissionEvent e)
    {
        _log?.Add(e);
        _observer?.Invoke(e);
    }

    private double ToMgPerH(double protocolRate) => RateUnits.ToMgPerHour(protocolRate, _protocol.Rate.Unit, Patient.WeightKg, _sessionH);

    /// <summary>The patient receives what the pump delivers (nothing of the drug on the placebo arm).</summary>
    private void Deliver(double deliveredMgPerH) => _pk.SetRate(_protocol.Arm == Arm.Placebo ? 0 : deliveredMgPerH);

    private void StartDay(int day)
    {
        var types = _parameters.SideEffects.Types;
        for (int k = 0; k < types.Count; k++)
        {
            _tracker.BackgroundToday[k] = _background.NextDouble() < types[k].BackgroundPerDay;
        }

        if (day >= 1 && _protocol.IsInpatient && _protocol.EarlyDischarge is { RequestPerDay: > 0 } ed && _discharge.NextDouble() < ed.RequestPerDay)
        {
            EndTreatment(_pk.TimeH, "patient's request");
        }
    }

    private void ApplyRate()
    {
        if (!_running)
        {
            return;
        }

        double mgPerH = ToMgPerH(_titrationRate);
        _outcome.NoteRate(mgPerH);
        Deliver(_pump.SetRate(_pk.TimeH, mgPerH));
    }

    private void Observe(double t, bool scheduled)
    {
        double fast = _pk.FastEffectNgPerMl;
        _tracker.Grade(_sideEffects, Patient, fast, _comedication.MidazolamActive(t), t, scheduled, _live?.SedationGrade(t), _live?.NauseaGradesLowered(t) ?? 0);
        if (_log is not null || _observer is not null)
        {
            foreach (var (kind, grade) in _tracker.Changes())
            {
                Note(new SideEffectChangeEvent(t, kind, grade));
            }
        }

        var expected = _vitals.Expected(Patient, fast, _comedication.ClonidineActive(t, TreatmentEnded), t - _comedication.LastMidazolamH);
        if (_live is not null)
        {
            expected = TruthCurve().At(t, _vitals, _live.Model);
        }
        else if (_vitalsShift is { } shift)
        {
            expected = shift.Apply(expected, t);
        }

        var sample = _sampler.Sample(t, expected, withArtefacts: false);
        _tracker.RecordAlarms(_alarms.Evaluate(sample, Patient.Vitals.HrPerMin));
        if (_running)
        {
            _tracker.RecordPlateau(_pk.PlasmaConcentrations);
        }

        if (!TraineeCoMedicates(t))
        {
            _comedication.Trigger(t, _tracker, _log is null && _observer is null ? null : _note);
        }
        if (_protocol.EarlyDischarge?.SevereSideEffectH is { } limit && _tracker.SevereHours >= limit && _protocol.IsInpatient)
        {
            EndTreatment(t, _plan.SevereSideEffectsReason);
        }
    }

    private void Review(double t)
    {
        Observe(t, scheduled: true);
        if (TreatmentEnded || _titration is null)
        {
            return;
        }

        // "Do you notice pain reduction?" asks about pain now, whatever the daily assessment's measure.
        int reported = ReportNrs(t, PainMeasure.Current);
        bool noticed = _pain.NoticesRelief(Patient, PainMeasure.Current, reported);
        LastNoticedRelief = noticed;
        LastReviewH = t;
        _outcome.NoteOnset(t, noticed);
        var (worst, worstKind) = _tracker.WorstSinceReview;
        var (now, nowKind) = _tracker.WorstNow;
        int holdingAlarms = _tracker.AlarmsSinceReview & _plan.AlarmsHoldingRaise;
        double before = _titrationRate;
        var step = _titration.Decide(before, _titrationFrozen, _titrationFrozenRate, noticed, worst, now, holdingAlarms != 0, _hardMaxInProtocolUnits);
        if (step.Action == TitrationAction.Freeze)
        {
            _titrationFrozen = true;
            _titrationFrozenRate = before;
        }

        if (_traineeTitrates && t >= _traineeFromH)
        {
            // The trainee decides: the protocol's state moves on (frozen on relief, reviews counted) but keeps the trainee's rate.
            _outcome.Reviews++;
            var report = _tracker.Report(noticed, _alarms.Rules);
            Note(new ReviewDueEvent(t, step.Action, before, step.NewRate, RateUnits.Symbol(_protocol.Rate.Unit), Reason(step, holdingAlarms), reported, ToMgPerH(before), ToMgPerH(step.NewRate), report));
            _tracker.ResetSinceReview();
            return;
        }

        _titrationRate = step.NewRate;
        _outcome.Reviews++;
        if (step.Action == TitrationAction.Freeze)
        {
            _outcome.EffectiveRateMgPerH = ToMgPerH(step.NewRate);
        }

        if (Noting)
        {
            // Cohorts keep no log: the event and its reason's words are not made at all (with the review's records, they were a
            // fifth of what an admission allocated).
            Note(new TitrationEvent(t, step.Action, before, step.NewRate, RateUnits.Symbol(_protocol.Rate.Unit), Reason(step, holdingAlarms), reported));
        }

        _tracker.ResetSinceReview();
        if (_running && Pump.State == PumpState.Stopped && Noting)
        {
            // Stopped by hand or at its volume to be infused while the protocol still runs: the reviewing nurse restarts it, visibly.
            Note(new PumpAlertEvent(t, "the pump was stopped: restarted at the review", NewBagHung: false));
        }

        ApplyRate();
    }

    /// <summary>The words of a review's decision, from what the tracker holds since the last review (read before it is reset).</summary>
    private string Reason(TitrationStep step, int holdingAlarms)
    {
        var (worst, worstKind) = _tracker.WorstSinceReview;
        var (now, nowKind) = _tracker.WorstNow;
        string? alarm = holdingAlarms == 0 ? null : AlarmEvaluator.Name(_alarms.Rules[BitOperations.TrailingZeroCount(holdingAlarms)]);
        return _titration!.Reason(step.Why, nowKind, now, worstKind, worst, alarm);
    }

    private void Assess(double t, int day)
    {
        for (int i = 0; i < _assessmentMeasures.Count; i++)
        {
            var measure = _assessmentMeasures[i];
            int reported = ReportNrs(t, measure);
            _outcome.NoteDaily(i, day, reported);
            _outcome.NoteOnset(t, _pain.NoticesRelief(Patient, measure, reported));
        }
    }

    /// <summary>A whole-number score in <paramref name="measure"/>; the day's noise is the patient's own for that day and measure.</summary>
    private int ReportNrs(double t, PainMeasure measure)
    {
        double end = TreatmentEnded ? _treatmentEndH : double.PositiveInfinity;
        double relief = _pain.PlaceboRelief(Patient, t, end);
        double trueNrs = _pain.TrueNrs(Patient, _pk.SlowEffectNgPerMl, relief);
        int reported = _pain.Report(trueNrs, measure, _parameters.Pain.ReportNoiseSd * ReportNoise(Patient, measure, t));
        if (measure == PainMeasure.Current)
        {
            LastReportedNrs = reported;
        }

        return reported;
    }

    /// <summary>A score's noise: one standard normal draw per patient, measure and day, whatever asks for the score.</summary>
    internal static double ReportNoise(VirtualPatient patient, PainMeasure measure, double timeH)
    {
        int day = (int)Math.Floor(timeH / 24);
        ulong key = ((ulong)StreamPurpose.ReportNoise << 32) | ((ulong)measure << 24) | (uint)day;
        return new SeededRandom(SeededRandom.Key(patient.Seed, patient.Index, key)).NextNormal();
    }

    /// <summary>What follows the course's end, for a horizon of years: scores at any later time, and the state a next course starts from.</summary>
    public CourseAftermath Aftermath() => new(AtEnd(new PkPdState(_system)), _pain, Patient, _treatmentEndH, _outcomeTimes.Measure, _parameters.Pain.ReportNoiseSd);

    /// <summary>The same aftermath in <paramref name="reuse"/> (and its PK/PD state), for a walk that follows one course at a time.</summary>
    internal CourseAftermath Aftermath(CourseAftermath? reuse)
    {
        if (reuse is null || !reuse.MovesOn(_system))
        {
            return Aftermath();
        }

        reuse.Reset(AtEnd(reuse.State), _pain, Patient, _treatmentEndH, _outcomeTimes.Measure, _parameters.Pain.ReportNoiseSd);
        return reuse;
    }

    /// <summary><paramref name="pk"/> (on this admission's system) set to the state the course ended in.</summary>
    private PkPdState AtEnd(PkPdState pk)
    {
        if (!TreatmentEnded || _endPk is null)
        {
            throw new InvalidOperationException("the course has not ended");
        }

        pk.CopyFrom(_endPk);
        return pk;
    }

    private void EndTreatment(double t, string? earlyReason, bool byHand = false)
    {
        if (TreatmentEnded)
        {
            return;
        }

        _treatmentEndH = t;
        _earlyDischargeReason = earlyReason;
        if (_running || _pump.Pump.State is not (PumpState.Stopped or PumpState.Idle))
        {
            Deliver(_pump.Stop(t));
        }

        _endPk ??= new PkPdState(_system);
        _endPk.CopyFrom(_pk);
        _outcome.EndRateProtocolUnits = _titrationRate;
        _outcome.EndRateMgPerH = ToMgPerH(_titrationRate);
        _running = false;
        _treatmentCount = _next;
        var times = SeededRandom.For(Patient.Seed, Patient.Index, StreamPurpose.OutcomeTimes);
        _outcome.T2WeeksAfterEnd = _outcomeTimes.T2.Draw(ref times);
        _afterEvents ??= new List<TimelineEvent>(_outcomeTimes.FollowUpHorizonWeeks + 2);
        Timeline.AfterTreatment(_outcomeTimes, t, _outcome.T2WeeksAfterEnd, _afterEvents);
        _after = _afterEvents;
        if (Noting)
        {
            Note(new DischargeEvent(t, earlyReason, byHand));
        }
    }

    public AdmissionOutcome Outcome()
    {
        if (!Finished)
        {
            throw new InvalidOperationException($"admission of patient {Patient.Index} is still running at {_pk.TimeH:0.##} h");
        }

        var o = _outcomeTimes;
        var r = _outcome;
        int t0 = _pain.Baseline(Patient, o.Measure);
        var (reliefWeeks, censored) = r.ReliefDuration(t0);
        bool dayCare = _protocol.Setting == Setting.DayCare;
        int sessions = 0;
        for (int i = 0; i < _infusions.Count; i++)
        {
            sessions += _infusions[i].StartH < _treatmentEndH ? 1 : 0;
        }

        var plateau = _tracker.Plateau();
        bool hasS = _protocol.Arm == Arm.Active;
        bool hasR = hasS && _protocol.Product == Product.Racemic;
        return new AdmissionOutcome(
            Patient.Index, Patient.Female, Patient.AgeYears, Patient.WeightKg, Patient.AnalgesicResponder, Patient.PlaceboResponder,
            t0, _pain.Baseline(Patient, Patient.BaselineMeasure), Patient.BaselineMeasure, r.NrsT1, r.NrsT2, r.DailyNrs(), (int[])r.Weekly.Clone(),
            r.T2WeeksAfterEnd, reliefWeeks, censored,
            r.EffectiveRateMgPerH, r.MaxRateMgPerH, r.EndRateMgPerH, r.EndRateProtocolUnits, _pk.DeliveredMg, r.OnsetDay,
            SharedArrays?.Grades(_tracker.WorstEver) ?? _tracker.WorstEver.ToArray(),
            SharedArrays?.Alarms(_tracker.AlarmsEverMask, _tracker.AlarmRules) ?? _tracker.AlarmsEver(),
            hasS ? plateau.SKetamineNgPerMl : null, hasR ? plateau.RKetamineNgPerMl : null,
            hasS ? plateau.SNorketamineNgPerMl : null, hasR ? plateau.RNorketamineNgPerMl : null,
            hasS ? _tracker.PeakSNorketamineNgPerMl : null,
            _treatmentEndH, dayCare ? 0 : _treatmentEndH / 24.0, dayCare ? sessions : 0, o.FollowUpVisits,
            _earlyDischargeReason, r.Reviews, _comedication.MidazolamDoses, _tracker.WorstDrowsinessWithoutMidazolam);
    }
}
