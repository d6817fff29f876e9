using System.Globalization;

namespace WardTwin.Model.Pump;

/// <summary>
/// A smart infusion pump: programmed rate, hard and soft limits (a hard-limit request is refused and
/// changes nothing; a soft-limit one needs a confirmation), start/pause/resume/stop, a bag that runs
/// near-empty and empty, occlusion, and the delivered dose integrated exactly. Delivery is what the
/// patient receives: nothing while paused, stopped, occluded or empty.
/// </summary>
public sealed class InfusionPump(PumpProgramme programme, bool keepLog = true)
{
    private readonly List<PumpEvent>? _log = keepLog ? [] : null;
    private bool _nearEmptyRaised;

    // The last event of the pump's own, as plain values: made into a PumpEvent (and its words) only when someone asks,
    // since a cohort's walk, which keeps no log, raises several per admission and reads none.
    private PumpEventKind _ownKind;
    private double _ownTimeH, _ownValue;
    private PumpEvent? _lastOwnEvent;

    // The programme as the pump reads it: the bag and drug from one programme, the limits as numbers. A reused pump (a
    // cohort's) gets the plan's programme and the patient's limits, and makes the record of both only if someone asks.
    private PumpProgramme _bag = programme;
    private double _hardMaxMgPerH = programme.HardMaxMgPerH;
    private double? _softMaxMgPerH = programme.SoftMaxMgPerH;
    private PumpProgramme? _programme = programme;

    public PumpProgramme Programme => _programme ??= _bag with { HardMaxMgPerH = _hardMaxMgPerH, SoftMaxMgPerH = _softMaxMgPerH };

    public PumpState State { get; private set; } = PumpState.Idle;

    public double TimeH { get; private set; }

    /// <summary>The programmed rate (kept while paused, so resume continues it).</summary>
    public double RateMgPerH { get; private set; }

    public double DeliveredMg { get; private set; }

    /// <summary>Volume to be infused (mL) from when it was set; the pump stops when it is reached. null: no limit.</summary>
    public double? VtbiMl { get; private set; }

    public double InfusedSinceVtbiMl { get; private set; }

    public double RemainingMl { get; private set; } = programme.BagVolumeMl;

    public int BagsUsed { get; private set; } = 1;

    public IReadOnlyList<PumpEvent> Log => _log ?? (IReadOnlyList<PumpEvent>)[];

    /// <summary>The last event the pump raised by itself, whether or not the log is kept.</summary>
    public PumpEvent? LastOwnEvent => OwnEvents == 0 ? null : _lastOwnEvent ??= new PumpEvent(_ownTimeH, _ownKind, OwnDetail(_ownKind, _ownValue));

    /// <summary>How many events the pump has raised by itself: a caller sees whether one came by comparing counts.</summary>
    public long OwnEvents { get; private set; }

    /// <summary>
    /// A new programme (another patient) and everything back to a pump fresh from the box: a cohort's runner reuses the pump
    /// from admission to admission. The log, if kept, is emptied.
    /// </summary>
    /// <param name="bag">The programme but for its limits (the drug, the bag, the near-empty warning).</param>
    internal void Reset(PumpProgramme bag, double hardMaxMgPerH, double? softMaxMgPerH)
    {
        _bag = bag;
        _hardMaxMgPerH = hardMaxMgPerH;
        _softMaxMgPerH = softMaxMgPerH;
        _programme = null;
        _log?.Clear();
        _nearEmptyRaised = false;
        _lastOwnEvent = null;
        OwnEvents = 0;
        State = PumpState.Idle;
        TimeH = 0;
        RateMgPerH = 0;
        DeliveredMg = 0;
        VtbiMl = null;
        InfusedSinceVtbiMl = 0;
        RemainingMl = bag.BagVolumeMl;
        BagsUsed = 1;
    }

    /// <summary>The near-empty warning is on: raised when the bag reached its lead time, cleared by a new bag.</summary>
    public bool NearEmpty => State == PumpState.Running && (_nearEmptyRaised || RemainingMl <= (RateMlPerH * _bag.NearEmptyMinutes / 60) + 1e-9);

    public double DeliveredRateMgPerH => State == PumpState.Running ? RateMgPerH : 0;

    private double RateMlPerH => RateMgPerH / _bag.ConcentrationMgPerMl;

    /// <summary>When the bag will be near-empty or empty at the current rate, if running.</summary>
    public double? NextEventTimeH
    {
        get
        {
            if (State != PumpState.Running || RateMgPerH <= 0)
            {
                return null;
            }

            double hoursToEmpty = RemainingMl / RateMlPerH;
            double nearAt = hoursToEmpty - (_bag.NearEmptyMinutes / 60);
            double bagEvent = !_nearEmptyRaised && nearAt > 0 ? nearAt : hoursToEmpty;
            double vtbiAt = VtbiMl is { } vtbi ? Math.Max(0, (vtbi - InfusedSinceVtbiMl) / RateMlPerH) : double.PositiveInfinity;
            return TimeH + Math.Min(bagEvent, vtbiAt);
        }
    }

    public void AdvanceTo(double timeH)
    {
        if (timeH < TimeH - 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(timeH), $"pump time cannot go back from {TimeH} h to {timeH} h");
        }

        while (NextEventTimeH is { } next && next <= timeH + 1e-12)
        {
            Integrate(next);
            if (VtbiMl is { } vtbi && InfusedSinceVtbiMl >= vtbi - 1e-9)
            {
                State = PumpState.Stopped;
                VtbiMl = null;
                RecordOwn(PumpEventKind.VolumeToBeInfused, vtbi);
            }
            else if (!_nearEmptyRaised && RemainingMl > 1e-9)
            {
                _nearEmptyRaised = true;
                RecordOwn(PumpEventKind.NearEmpty, RemainingMl);
            }
            else
            {
                RemainingMl = 0;
                State = PumpState.Empty;
                RecordOwn(PumpEventKind.Empty, 0);
            }
        }

        Integrate(Math.Max(timeH, TimeH));
    }

    /// <summary>Asks for a new rate; refused above the hard limit, held for confirmation above the soft limit.</summary>
    public PumpResult SetRate(double timeH, double rateMgPerH, bool confirmed)
    {
        var outcome = SetRate(timeH, rateMgPerH, confirmed, out string message);
        return new PumpResult(outcome, message, RateMgPerH);
    }

    /// <summary><see cref="SetRate(double, double, bool)"/> without the answer's record: the walk's own commands do not read it.</summary>
    internal PumpOutcome SetRate(double timeH, double rateMgPerH, bool confirmed, out string message)
    {
        AdvanceTo(timeH);
        if (!double.IsFinite(rateMgPerH) || rateMgPerH < 0)
        {
            return Refuse($"rate must be a number >= 0 mg/h, not {rateMgPerH}", out message);
        }

        if (State == PumpState.Stopped)
        {
            // A stopped pump delivers nothing whatever its rate: saying "ok" here would hide that.
            return Refuse($"the pump is stopped: start it before setting a rate", out message);
        }

        if (rateMgPerH > _hardMaxMgPerH + 1e-9)
        {
            return Refuse($"{F(rateMgPerH)} mg/h is above the hard limit of {F(_hardMaxMgPerH)} mg/h", out message);
        }

        if (_softMaxMgPerH is { } soft && rateMgPerH > soft + 1e-9 && !confirmed)
        {
            message = $"{F(rateMgPerH)} mg/h is above the soft limit of {F(soft)} mg/h: confirm to continue";
            return PumpOutcome.NeedsConfirmation;
        }

        double before = RateMgPerH;
        RateMgPerH = rateMgPerH;
        _nearEmptyRaised &= RemainingMl <= (RateMlPerH * _bag.NearEmptyMinutes / 60) + 1e-9;
        if (State == PumpState.Idle)
        {
            State = PumpState.Running;
        }

        if (_log is not null)
        {
            Record(PumpEventKind.Rate, $"{F(before)} -> {F(rateMgPerH)} mg/h{(confirmed && _softMaxMgPerH is { } s && rateMgPerH > s ? " (soft limit confirmed)" : string.Empty)}");
        }

        message = "ok";
        return PumpOutcome.Accepted;
    }

    /// <summary>A key pressed on the pump at a time.</summary>
    public PumpResult Apply(double timeH, PumpAction action) => action.Kind switch
    {
        PumpActionKind.SetRate => SetRate(timeH, action.Value ?? double.NaN, action.ConfirmSoftLimit),
        PumpActionKind.Start => Start(timeH),
        PumpActionKind.Pause => Pause(timeH),
        PumpActionKind.Resume => Resume(timeH),
        PumpActionKind.Stop => Stop(timeH),
        PumpActionKind.ReplaceBag => ReplaceBag(timeH),
        PumpActionKind.Occlude => Occlude(timeH),
        PumpActionKind.SetVtbi => SetVtbi(timeH, action.Value),
        _ => Refuse($"unknown pump action {action.Kind}"),
    };

    /// <summary>
    /// Delivered dose and bag volume at a later time, without moving the pump (no pump event lies in
    /// between when the host has handled every event up to that time).
    /// </summary>
    public (double DeliveredMg, double RemainingMl, double? VtbiRemainingMl) ProjectedAt(double timeH)
    {
        double dt = Math.Max(0, timeH - TimeH);
        double ml = State == PumpState.Running ? Math.Min(RateMlPerH * dt, RemainingMl) : 0;
        double? vtbi = VtbiMl is { } v ? Math.Max(0, v - InfusedSinceVtbiMl - ml) : null;
        return (DeliveredMg + (ml * _bag.ConcentrationMgPerMl), RemainingMl - ml, vtbi);
    }

    /// <summary>Sets (or clears, with null) the volume to be infused from now on.</summary>
    public PumpResult SetVtbi(double timeH, double? vtbiMl)
    {
        AdvanceTo(timeH);
        if (vtbiMl is { } v && (v <= 0 || !double.IsFinite(v)))
        {
            return Refuse($"volume to be infused must be > 0 mL, not {v}");
        }

        VtbiMl = vtbiMl;
        InfusedSinceVtbiMl = 0;
        Record(PumpEventKind.VolumeToBeInfused, vtbiMl is { } set ? $"volume to be infused {set:0.#} mL" : "volume to be infused cleared");
        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    public PumpResult Start(double timeH) => Answer(Start(timeH, out string message), message);

    public PumpResult Pause(double timeH) => Answer(Transition(timeH, PumpEventKind.Pause, States(PumpState.Running), PumpState.Paused, out string message), message);

    public PumpResult Resume(double timeH) => Answer(Transition(timeH, PumpEventKind.Resume, States(PumpState.Paused, PumpState.Occluded), PumpState.Running, out string message), message);

    public PumpResult Stop(double timeH) => Answer(Stop(timeH, out string message), message);

    public PumpResult Occlude(double timeH) => Answer(Transition(timeH, PumpEventKind.Occlusion, States(PumpState.Running), PumpState.Occluded, out string message), message);

    /// <summary>Start without the answer's record (the walk's own command).</summary>
    internal PumpOutcome Start(double timeH, out string message) =>
        Transition(timeH, PumpEventKind.Start, States(PumpState.Idle, PumpState.Stopped), PumpState.Running, out message);

    /// <summary>Stop without the answer's record (the walk's own command).</summary>
    internal PumpOutcome Stop(double timeH, out string message) =>
        Transition(timeH, PumpEventKind.Stop, States(PumpState.Running, PumpState.Paused, PumpState.Occluded, PumpState.Empty, PumpState.Idle), PumpState.Stopped, out message);

    /// <summary>A fault (a scenario's, or an instructor's): the bag runs dry now; a running pump stops delivering and alarms.</summary>
    public PumpResult EmptyBag(double timeH)
    {
        AdvanceTo(timeH);
        RemainingMl = 0;
        _nearEmptyRaised = true;
        if (State == PumpState.Running)
        {
            State = PumpState.Empty;
        }

        RecordOwn(PumpEventKind.Empty, 0);
        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    /// <summary>A fault: the line occludes; a running pump stops delivering and alarms until someone resumes it.</summary>
    public PumpResult OccludeLine(double timeH)
    {
        var result = Occlude(timeH);
        if (result.Accepted)
        {
            RecordOwn(PumpEventKind.Occlusion, 0);
        }

        return result;
    }

    /// <summary>A new full bag; an empty pump carries on at its programmed rate.</summary>
    public PumpResult ReplaceBag(double timeH)
    {
        ReplaceBagQuietly(timeH);
        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    /// <summary>A new full bag, without the answer's record (the ward nurse's, which nobody reads).</summary>
    internal void ReplaceBagQuietly(double timeH)
    {
        AdvanceTo(timeH);
        RemainingMl = _bag.BagVolumeMl;
        BagsUsed++;
        _nearEmptyRaised = false;
        if (State == PumpState.Empty)
        {
            State = PumpState.Running;
        }

        if (_log is not null)
        {
            Record(PumpEventKind.Bag, $"new {F(_bag.BagVolumeMl)} mL bag ({F(_bag.BagMg)} mg)");
        }
    }

    /// <summary>A set of states as bits, to test membership without an array.</summary>
    private static int States(params ReadOnlySpan<PumpState> states)
    {
        int mask = 0;
        foreach (var state in states)
        {
            mask |= 1 << (int)state;
        }

        return mask;
    }

    private PumpResult Answer(PumpOutcome outcome, string message) => new(outcome, message, RateMgPerH);

    private PumpOutcome Transition(double timeH, PumpEventKind action, int from, PumpState to, out string message)
    {
        AdvanceTo(timeH);
        if ((from & (1 << (int)State)) == 0)
        {
            return Refuse($"cannot {action.ToString().ToLowerInvariant()} a pump that is {State.ToString().ToLowerInvariant()}", out message);
        }

        State = to;
        if (_log is not null)
        {
            Record(action, $"now {to.ToString().ToLowerInvariant()}");
        }

        message = "ok";
        return PumpOutcome.Accepted;
    }

    private void Integrate(double timeH)
    {
        double dt = timeH - TimeH;
        if (dt > 0 && State == PumpState.Running)
        {
            double mg = Math.Min(RateMgPerH * dt, RemainingMl * _bag.ConcentrationMgPerMl);
            DeliveredMg += mg;
            RemainingMl = Math.Max(0, RemainingMl - (mg / _bag.ConcentrationMgPerMl));
            InfusedSinceVtbiMl += mg / _bag.ConcentrationMgPerMl;
        }

        TimeH = Math.Max(TimeH, timeH);
    }

    private PumpResult Refuse(string reason) => Answer(Refuse(reason, out string message), message);

    private PumpOutcome Refuse(string reason, out string message)
    {
        Record(PumpEventKind.Refused, reason);
        message = reason;
        return PumpOutcome.Refused;
    }

    private void Record(PumpEventKind kind, string detail) => _log?.Add(new PumpEvent(TimeH, kind, detail));

    /// <summary>An event of the pump's own (bag near empty or empty, volume reached), kept as the last one even without a log.</summary>
    /// <param name="value">What its words quote: the volume to be infused, or the volume left at near-empty.</param>
    private void RecordOwn(PumpEventKind kind, double value)
    {
        _ownKind = kind;
        _ownTimeH = TimeH;
        _ownValue = value;
        _lastOwnEvent = null;
        OwnEvents++;
        if (_log is not null)
        {
            _log.Add(LastOwnEvent!);
        }
    }

    private static string OwnDetail(PumpEventKind kind, double value) => kind switch
    {
        PumpEventKind.VolumeToBeInfused => $"volume to be infused reached ({value:0.#} mL): stopped",
        PumpEventKind.NearEmpty => $"{value:0.#} mL left",
        PumpEventKind.Empty => "bag empty: delivery stopped",
        PumpEventKind.Occlusion => "line occluded: delivery stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
