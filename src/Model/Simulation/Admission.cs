using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Pk;
using WardTwin.Model.Pump;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;
using WardTwin.Model.Titration;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>
/// One admission of one virtual patient under one protocol, walked event by event on simulation time.
/// The PK/PD state is advanced exactly between events; the same walk serves the reference engine (a
/// plain loop) and the grains (which call <see cref="ProcessNext"/> as their clock reaches each event).
/// </summary>
public sealed class Admission
{
    private readonly Protocol _protocol;
    private readonly ModelParameters _parameters;
    private readonly PkPdState _pk;
    private readonly PainModel _pain;
    private readonly SideEffectModel _sideEffects;
    private readonly VitalsModel _vitals;
    private readonly VitalsSampler _sampler;
    private readonly AlarmEvaluator _alarms;
    private readonly TitrationEngine? _titration;
    private readonly IReadOnlyList<(double StartH, double EndH)> _infusions;
    private readonly TimelineEvent[] _treatment;
    private int _treatmentCount;
    private List<TimelineEvent>? _after;
    private int _nextAfter;
    private readonly ObservationTracker _tracker;
    private readonly List<AdmissionEvent>? _log;
    private readonly bool _clonidinePatch;
    private readonly double _hardMaxInProtocolUnits;
    private readonly double _sessionH;
    private readonly bool _externalPump;
    private readonly InfusionPump? _pump;
    private SeededRandom _background;
    private SeededRandom _discharge;
    private int _next;
    private TitrationState _titrationState;
    private bool _running;
    private double _treatmentEndH = double.NaN;
    private double _lastMidazolamH = double.NegativeInfinity;
    private double _lastClonidineOralH = double.NegativeInfinity;
    private string? _earlyDischargeReason;
    private int? _onsetDay;
    private int _midazolamDoses;
    private int _reviews;
    private double _maxRateMgPerH;
    private double? _effectiveRateMgPerH;
    private double _endRateMgPerH;
    private double _endRateProtocolUnits;
    private int _nrsT1 = -1, _nrsT2 = -1;
    private readonly List<int> _dailyNrs = new(16);
    private readonly int[] _weekly = new int[Timeline.WeeksAfter];

    /// <param name="externalPump">When true the host owns the pump: rate requests wait in <see cref="PendingPumpCommand"/>
    /// and the patient's exposure is what the host reports with <see cref="SetDeliveredRate"/>.</param>
    public Admission(ProtocolPlan plan, VirtualPatient patient, bool recordEvents = false, bool externalPump = false)
    {
        var protocol = plan.Protocol;
        var parameters = plan.Parameters;
        _protocol = protocol;
        _parameters = parameters;
        Patient = patient;
        (double sFraction, double rFraction) = protocol.Product == Product.SKetamine ? (1.0, 0.0) : (0.5, 0.5);
        var system = new PkPdSystem(patient.Pk, sFraction, rFraction, parameters.Pain.RPotency, patient.Ke0SlowPerH, patient.Ke0FastPerH);
        _pk = new PkPdState(system);
        _pain = new PainModel(parameters.Pain);
        _sideEffects = new SideEffectModel(parameters.SideEffects);
        _vitals = new VitalsModel(parameters.Vitals);
        _sampler = new VitalsSampler(parameters.Vitals, SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Monitor));
        _alarms = new AlarmEvaluator(parameters.Alarms);
        _titration = plan.Titration;
        _infusions = plan.Infusions;
        _treatment = plan.TreatmentEvents;
        _treatmentCount = _treatment.Length;
        _tracker = new ObservationTracker(parameters.Alarms.Count, parameters.Simulation.ObservationIntervalH);
        _log = recordEvents ? [] : null;
        _background = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.BackgroundSideEffects);
        _discharge = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Discharge);
        _sessionH = protocol.Schedule.SessionH ?? 1;
        double perUnit = RateUnits.ToMgPerHour(1, protocol.Rate.Unit, patient.WeightKg, _sessionH);
        _hardMaxInProtocolUnits = protocol.Limits.HardMax.ToMgPerHour(patient.WeightKg, _sessionH) / perUnit;
        _titrationState = new TitrationState(protocol.Rate.Start);
        _externalPump = externalPump;
        Programme = PumpProgrammeFor(plan, patient);
        _pump = externalPump ? null : new InfusionPump(Programme, keepLog: recordEvents);

        var meds = protocol.CoMedicationOrEmpty;
        var comed = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.CoMedication);
        for (int m = 0; m < meds.Count; m++)
        {
            bool given = comed.NextDouble() < meds[m].Probability;
            _clonidinePatch |= given && meds[m].Drug == Drug.Clonidine && meds[m].When == CoMedicationWhen.Continuous;
        }
    }

    public VirtualPatient Patient { get; }

    public double TimeH => _pk.TimeH;

    public bool Finished => _next >= _treatmentCount && _after is not null && _nextAfter >= _after.Count;

    public double? NextEventTimeH => Finished ? null : Peek().TimeH;

    /// <summary>The pump rate the protocol asks for now, in the protocol's unit.</summary>
    public double ProtocolRate => _titrationState.Rate;

    public double DeliveredRateMgPerH => _pk.RateMgPerH;

    public IReadOnlyList<AdmissionEvent> Log => _log ?? [];

    /// <summary>The pump programme this patient needs (limits in mg/h for the patient's weight, the bag).</summary>
    public PumpProgramme Programme { get; }

    /// <summary>With an external pump: what the protocol asks the pump to do now; the walk waits until it is answered.</summary>
    public PumpCommand? PendingPumpCommand { get; private set; }

    /// <summary>The pump inside the walk, when the walk owns one (reference engine).</summary>
    public InfusionPump? Pump => _pump;

    public static PumpProgramme PumpProgrammeFor(ProtocolPlan plan, VirtualPatient patient)
    {
        var p = plan.Protocol;
        var defaults = plan.Parameters.Pump;
        double sessionH = p.Schedule.SessionH ?? 1;
        return new PumpProgramme(
            p.Arm == Arm.Placebo ? "saline (placebo)" : p.Product == Product.SKetamine ? "S-ketamine" : "racemic ketamine",
            p.Bag?.ConcentrationMgPerMl ?? defaults.ConcentrationMgPerMl,
            p.Bag?.VolumeMl ?? defaults.BagVolumeMl,
            p.Limits.HardMax.ToMgPerHour(patient.WeightKg, sessionH),
            p.Limits.SoftMax?.ToMgPerHour(patient.WeightKg, sessionH),
            defaults.NearEmptyMinutes);
    }

    /// <summary>With an external pump: handle every event up to <paramref name="timeH"/>, stopping early while a pump command waits.</summary>
    public void AdvanceTo(double timeH)
    {
        while (PendingPumpCommand is null && !Finished && Peek().TimeH <= timeH)
        {
            ProcessNext();
        }

        if (PendingPumpCommand is null && timeH > _pk.TimeH)
        {
            _pk.AdvanceTo(timeH);
        }
    }

    /// <summary>The host's pump answered the pending command, or changed delivery by itself (pause, empty bag, occlusion).</summary>
    public void SetDeliveredRate(double timeH, double deliveredMgPerH)
    {
        PendingPumpCommand = null;
        _pk.AdvanceTo(Math.Max(timeH, _pk.TimeH));
        _pk.SetRate(_protocol.Arm == Arm.Placebo ? 0 : deliveredMgPerH);
    }

    /// <summary>A rate set by hand (a trainee): later reviews continue from it.</summary>
    public void NoteManualRate(double timeH, double rateMgPerH)
    {
        double perUnit = RateUnits.ToMgPerHour(1, _protocol.Rate.Unit, Patient.WeightKg, _sessionH);
        _titrationState = _titrationState with { Rate = rateMgPerH / perUnit };
        _maxRateMgPerH = Math.Max(_maxRateMgPerH, rateMgPerH);
        _log?.Add(new AdmissionEvent(timeH, "manual", $"rate set by hand to {rateMgPerH:0.###} mg/h"));
    }

    /// <summary>Midazolam given by hand (a trainee answering agitation).</summary>
    public void GiveMidazolam(double timeH, double doseMg)
    {
        _pk.AdvanceTo(Math.Max(timeH, _pk.TimeH));
        Give(timeH, new CoMedication(Drug.Midazolam, doseMg, CoMedicationWhen.OnSideEffect), "given by hand");
    }

    public Concentrations ConcentrationsNow => _pk.Concentrations;

    public bool TreatmentEnded => !double.IsNaN(_treatmentEndH);

    /// <summary>Side-effect grades at the latest nursing observation, by kind (card section 4).</summary>
    public IReadOnlyDictionary<string, SideEffectGrade> CurrentSideEffects()
    {
        var current = _tracker.Current;
        var result = new Dictionary<string, SideEffectGrade>(SideEffectKinds.Count, StringComparer.Ordinal);
        for (int k = 0; k < current.Length; k++)
        {
            result[SideEffectKinds.Name((SideEffectKind)k)] = current[k];
        }

        return result;
    }

    /// <summary>The last pain score the patient reported (review, assessment, T1), if any.</summary>
    public int? LastReportedNrs { get; private set; }

    /// <summary>The patient's true vital signs now, before monitor noise.</summary>
    public VitalSigns ExpectedVitals()
    {
        double t = _pk.TimeH;
        return _vitals.Expected(Patient, _pk.Concentrations.FastEffectNgPerMl, ClonidineActive(t), t - _lastMidazolamH);
    }

    public AdmissionOutcome RunToEnd()
    {
        while (!Finished)
        {
            ProcessNext();
        }

        return Outcome();
    }

    /// <summary>Advances to the next scheduled event and handles it.</summary>
    public void ProcessNext()
    {
        var e = Peek();
        while (_pump?.NextEventTimeH is { } pumpEvent && pumpEvent < e.TimeH)
        {
            HandlePumpEvent(pumpEvent);
        }

        if (_next < _treatmentCount)
        {
            _next++;
        }
        else
        {
            _nextAfter++;
        }

        _pk.AdvanceTo(e.TimeH);
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
                Command(new PumpCommand(PumpCommandKind.Stop, 0));
                break;
            case TimelineEventKind.Observation:
                Observe(e.TimeH);
                break;
            case TimelineEventKind.Review:
                Review(e.TimeH);
                break;
            case TimelineEventKind.Assessment:
                Assess(e.TimeH, e.Arg);
                break;
            case TimelineEventKind.CoMedication:
                GiveScheduled(e.TimeH, e.Arg);
                break;
            case TimelineEventKind.TreatmentEnd:
                EndTreatment(e.TimeH, null);
                break;
            case TimelineEventKind.T1:
                _nrsT1 = ReportNrs(e.TimeH);
                break;
            case TimelineEventKind.WeeklyAfter:
                _weekly[e.Arg - 1] = ReportNrs(e.TimeH);
                break;
            case TimelineEventKind.T2:
                _nrsT2 = ReportNrs(e.TimeH);
                break;
        }
    }

    private TimelineEvent Peek() => _next < _treatmentCount ? _treatment[_next] : _after![_nextAfter];

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

        double mgPerH = RateUnits.ToMgPerHour(_titrationState.Rate, _protocol.Rate.Unit, Patient.WeightKg, _sessionH);
        _maxRateMgPerH = Math.Max(_maxRateMgPerH, mgPerH);
        Command(new PumpCommand(PumpCommandKind.SetRate, mgPerH));
    }

    /// <summary>The protocol's nurse confirms soft-limit rates the protocol itself calls for.</summary>
    private void Command(PumpCommand command)
    {
        if (_externalPump)
        {
            PendingPumpCommand = command;
            return;
        }

        double t = _pk.TimeH;
        if (command.Kind == PumpCommandKind.Stop)
        {
            _pump!.Stop(t);
        }
        else
        {
            if (_pump!.State == PumpState.Stopped)
            {
                _pump.Start(t);
            }

            _pump.SetRate(t, command.RateMgPerH, confirmed: true);
        }

        SetDeliveredRate(t, _pump.DeliveredRateMgPerH);
    }

    /// <summary>The bag warns near-empty: the ward nurse hangs a new one before it runs dry.</summary>
    private void HandlePumpEvent(double t)
    {
        _pk.AdvanceTo(t);
        _pump!.AdvanceTo(t);
        if (_pump.State != PumpState.Empty)
        {
            _pump.ReplaceBag(t);
            _log?.Add(new AdmissionEvent(t, "pump", "bag near empty: new bag hung"));
        }

        SetDeliveredRate(t, _pump.DeliveredRateMgPerH);
    }

    private void Observe(double t)
    {
        var c = _pk.Concentrations;
        bool midazolam = t - _lastMidazolamH < _parameters.SideEffects.MidazolamEffectH;
        _tracker.Grade(_sideEffects, Patient, c.FastEffectNgPerMl, midazolam);
        bool clonidine = ClonidineActive(t);
        var expected = _vitals.Expected(Patient, c.FastEffectNgPerMl, clonidine, t - _lastMidazolamH);
        var sample = _sampler.Sample(t, expected, withArtefacts: false);
        _tracker.RecordAlarms(_alarms.Evaluate(sample, Patient.Vitals.HrPerMin));
        if (_running)
        {
            _tracker.RecordPlateau(c);
        }

        TriggerCoMedication(t);
        if (_protocol.EarlyDischarge?.SevereSideEffectH is { } limit && _tracker.SevereHours >= limit && _protocol.IsInpatient)
        {
            EndTreatment(t, $"severe side effects for {limit:0} h");
        }
    }

    private void Review(double t)
    {
        Observe(t);
        if (!double.IsNaN(_treatmentEndH) || _titration is null)
        {
            return;
        }

        int reported = ReportNrs(t);
        bool noticed = _pain.NoticesRelief(Patient, reported);
        NoteOnset(t, noticed);
        var report = _tracker.Report(noticed, _alarms.Rules);
        double before = _titrationState.Rate;
        var decision = _titration.Review(_titrationState, report, _hardMaxInProtocolUnits);
        _titrationState = decision.State;
        _reviews++;
        if (decision.Action == TitrationAction.Freeze)
        {
            _effectiveRateMgPerH = RateUnits.ToMgPerHour(decision.NewRate, _protocol.Rate.Unit, Patient.WeightKg, _sessionH);
        }

        _log?.Add(new AdmissionEvent(t, "titration", $"{decision.Action.ToString().ToLowerInvariant()} {before:0.###} -> {decision.NewRate:0.###} {RateUnits.Symbol(_protocol.Rate.Unit)}: {decision.Reason} (NRS {reported})"));
        _tracker.ResetSinceReview();
        ApplyRate();
    }

    private void Assess(double t, int day)
    {
        int reported = ReportNrs(t);
        while (_dailyNrs.Count < day - 1)
        {
            _dailyNrs.Add(-1);
        }

        _dailyNrs.Add(reported);
        NoteOnset(t, _pain.NoticesRelief(Patient, reported));
    }

    private void NoteOnset(double t, bool noticed)
    {
        if (noticed && _onsetDay is null)
        {
            _onsetDay = (int)Math.Floor(t / 24) + 1;
        }
    }

    private int ReportNrs(double t)
    {
        double end = double.IsNaN(_treatmentEndH) ? double.PositiveInfinity : _treatmentEndH;
        double relief = _pain.PlaceboRelief(Patient, t, end);
        double trueNrs = _pain.TrueNrs(Patient, _pk.Concentrations.SlowEffectNgPerMl, relief);
        int day = (int)Math.Floor(t / 24);
        var noise = new SeededRandom(SeededRandom.Key(Patient.Seed, Patient.Index, ((ulong)StreamPurpose.ReportNoise << 32) | (uint)day));
        int reported = PainModel.Report(trueNrs, _parameters.Pain.ReportNoiseSd * noise.NextNormal());
        LastReportedNrs = reported;
        return reported;
    }

    private void GiveScheduled(double t, int index)
    {
        var m = _protocol.CoMedicationOrEmpty[index];
        Give(t, m, "scheduled");
    }

    private void TriggerCoMedication(double t)
    {
        var meds = _protocol.CoMedicationOrEmpty;
        for (int i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            if (m.When != CoMedicationWhen.OnSideEffect || t - LastDose(m.Drug) < (m.MinIntervalH ?? 0))
            {
                continue;
            }

            foreach (var name in m.SideEffects!)
            {
                if (_tracker.CurrentGradeOf(name) > SideEffectGrade.None)
                {
                    Give(t, m, name);
                    break;
                }
            }
        }
    }

    private void Give(double t, CoMedication m, string why)
    {
        if (m.Drug == Drug.Midazolam)
        {
            _lastMidazolamH = t;
            _midazolamDoses++;
        }
        else
        {
            _lastClonidineOralH = t;
        }

        _log?.Add(new AdmissionEvent(t, "co-medication", $"{m.Drug.ToString().ToLowerInvariant()} {m.DoseMg:0.##} mg ({why})"));
    }

    private double LastDose(Drug drug) => drug == Drug.Midazolam ? _lastMidazolamH : _lastClonidineOralH;

    private bool ClonidineActive(double t)
    {
        if (t - _lastClonidineOralH < _parameters.SideEffects.ClonidineOralEffectH)
        {
            return true;
        }

        return _clonidinePatch && double.IsNaN(_treatmentEndH);
    }

    private void EndTreatment(double t, string? earlyReason)
    {
        if (!double.IsNaN(_treatmentEndH))
        {
            return;
        }

        _treatmentEndH = t;
        _earlyDischargeReason = earlyReason;
        if (_running)
        {
            Command(new PumpCommand(PumpCommandKind.Stop, 0));
        }

        _endRateProtocolUnits = _titrationState.Rate;
        _endRateMgPerH = RateUnits.ToMgPerHour(_titrationState.Rate, _protocol.Rate.Unit, Patient.WeightKg, _sessionH);
        _running = false;
        _treatmentCount = _next;
        _after = Timeline.AfterTreatment(_protocol.OutcomesOrDefault, t);
        _log?.Add(new AdmissionEvent(t, "discharge", earlyReason is null ? "end of treatment" : $"early discharge: {earlyReason}"));
    }

    public AdmissionOutcome Outcome()
    {
        if (!Finished)
        {
            throw new InvalidOperationException($"admission of patient {Patient.Index} is still running at {TimeH:0.##} h");
        }

        var o = _protocol.OutcomesOrDefault;
        bool dayCare = _protocol.Setting == Setting.DayCare;
        int sessions = _infusions.Count(i => i.StartH < _treatmentEndH);
        var plateau = _tracker.Plateau();
        bool hasS = _protocol.Arm == Arm.Active;
        bool hasR = hasS && _protocol.Product == Product.Racemic;
        return new AdmissionOutcome(
            Patient.Index, Patient.Female, Patient.AgeYears, Patient.WeightKg, Patient.AnalgesicResponder, Patient.PlaceboResponder,
            Patient.BaselineNrs, _nrsT1, _nrsT2, _dailyNrs.ToArray(), (int[])_weekly.Clone(),
            _effectiveRateMgPerH, _maxRateMgPerH, _endRateMgPerH, _endRateProtocolUnits, _pk.DeliveredMg, _onsetDay,
            _tracker.WorstEver.ToArray(), _tracker.AlarmsEver(),
            hasS ? plateau.SKetamineNgPerMl : null, hasR ? plateau.RKetamineNgPerMl : null,
            hasS ? plateau.SNorketamineNgPerMl : null, hasR ? plateau.RNorketamineNgPerMl : null,
            _treatmentEndH, dayCare ? 0 : _treatmentEndH / 24.0, dayCare ? sessions : 0, o.FollowUpVisits,
            _earlyDischargeReason, _reviews, _midazolamDoses);
    }
}
