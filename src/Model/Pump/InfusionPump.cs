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

    public PumpProgramme Programme => programme;

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
    public PumpEvent? LastOwnEvent { get; private set; }

    /// <summary>The near-empty warning is on: raised when the bag reached its lead time, cleared by a new bag.</summary>
    public bool NearEmpty => State == PumpState.Running && (_nearEmptyRaised || RemainingMl <= (RateMlPerH * Programme.NearEmptyMinutes / 60) + 1e-9);

    public double DeliveredRateMgPerH => State == PumpState.Running ? RateMgPerH : 0;

    private double RateMlPerH => RateMgPerH / Programme.ConcentrationMgPerMl;

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
            double nearAt = hoursToEmpty - (Programme.NearEmptyMinutes / 60);
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
                RecordOwn(PumpEventKind.VolumeToBeInfused, $"volume to be infused reached ({vtbi:0.#} mL): stopped");
            }
            else if (!_nearEmptyRaised && RemainingMl > 1e-9)
            {
                _nearEmptyRaised = true;
                RecordOwn(PumpEventKind.NearEmpty, $"{RemainingMl:0.#} mL left");
            }
            else
            {
                RemainingMl = 0;
                State = PumpState.Empty;
                RecordOwn(PumpEventKind.Empty, "bag empty: delivery stopped");
            }
        }

        Integrate(Math.Max(timeH, TimeH));
    }

    /// <summary>Asks for a new rate; refused above the hard limit, held for confirmation above the soft limit.</summary>
    public PumpResult SetRate(double timeH, double rateMgPerH, bool confirmed)
    {
        AdvanceTo(timeH);
        if (!double.IsFinite(rateMgPerH) || rateMgPerH < 0)
        {
            return Refuse($"rate must be a number >= 0 mg/h, not {rateMgPerH}");
        }

        if (State == PumpState.Stopped)
        {
            // A stopped pump delivers nothing whatever its rate: saying "ok" here would hide that.
            return Refuse($"the pump is stopped: start it before setting a rate");
        }

        if (rateMgPerH > Programme.HardMaxMgPerH + 1e-9)
        {
            return Refuse($"{F(rateMgPerH)} mg/h is above the hard limit of {F(Programme.HardMaxMgPerH)} mg/h");
        }

        if (Programme.SoftMaxMgPerH is { } soft && rateMgPerH > soft + 1e-9 && !confirmed)
        {
            return new PumpResult(PumpOutcome.NeedsConfirmation, $"{F(rateMgPerH)} mg/h is above the soft limit of {F(soft)} mg/h: confirm to continue", RateMgPerH);
        }

        double before = RateMgPerH;
        RateMgPerH = rateMgPerH;
        _nearEmptyRaised &= RemainingMl <= (RateMlPerH * Programme.NearEmptyMinutes / 60) + 1e-9;
        if (State == PumpState.Idle)
        {
            State = PumpState.Running;
        }

        if (_log is not null)
        {
            Record(PumpEventKind.Rate, $"{F(before)} -> {F(rateMgPerH)} mg/h{(confirmed && Programme.SoftMaxMgPerH is { } s && rateMgPerH > s ? " (soft limit confirmed)" : string.Empty)}");
        }

        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
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
        return (DeliveredMg + (ml * Programme.ConcentrationMgPerMl), RemainingMl - ml, vtbi);
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

    public PumpResult Start(double timeH) => Transition(timeH, PumpEventKind.Start, [PumpState.Idle, PumpState.Stopped], PumpState.Running);

    public PumpResult Pause(double timeH) => Transition(timeH, PumpEventKind.Pause, [PumpState.Running], PumpState.Paused);

    public PumpResult Resume(double timeH) => Transition(timeH, PumpEventKind.Resume, [PumpState.Paused, PumpState.Occluded], PumpState.Running);

    public PumpResult Stop(double timeH) => Transition(timeH, PumpEventKind.Stop, [PumpState.Running, PumpState.Paused, PumpState.Occluded, PumpState.Empty, PumpState.Idle], PumpState.Stopped);

    public PumpResult Occlude(double timeH) => Transition(timeH, PumpEventKind.Occlusion, [PumpState.Running], PumpState.Occluded);

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

        RecordOwn(PumpEventKind.Empty, "bag empty: delivery stopped");
        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    /// <summary>A fault: the line occludes; a running pump stops delivering and alarms until someone resumes it.</summary>
    public PumpResult OccludeLine(double timeH)
    {
        var result = Occlude(timeH);
        if (result.Accepted)
        {
            RecordOwn(PumpEventKind.Occlusion, "line occluded: delivery stopped");
        }

        return result;
    }

    /// <summary>A new full bag; an empty pump carries on at its programmed rate.</summary>
    public PumpResult ReplaceBag(double timeH)
    {
        AdvanceTo(timeH);
        RemainingMl = Programme.BagVolumeMl;
        BagsUsed++;
        _nearEmptyRaised = false;
        if (State == PumpState.Empty)
        {
            State = PumpState.Running;
        }

        if (_log is not null)
        {
            Record(PumpEventKind.Bag, $"new {F(Programme.BagVolumeMl)} mL bag ({F(Programme.BagMg)} mg)");
        }

        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    private PumpResult Transition(double timeH, PumpEventKind action, PumpState[] from, PumpState to)
    {
        AdvanceTo(timeH);
        if (!from.Contains(State))
        {
            return Refuse($"cannot {action.ToString().ToLowerInvariant()} a pump that is {State.ToString().ToLowerInvariant()}");
        }

        State = to;
        if (_log is not null)
        {
            Record(action, $"now {to.ToString().ToLowerInvariant()}");
        }

        return new PumpResult(PumpOutcome.Accepted, "ok", RateMgPerH);
    }

    private void Integrate(double timeH)
    {
        double dt = timeH - TimeH;
        if (dt > 0 && State == PumpState.Running)
        {
            double mg = Math.Min(RateMgPerH * dt, RemainingMl * Programme.ConcentrationMgPerMl);
            DeliveredMg += mg;
            RemainingMl = Math.Max(0, RemainingMl - (mg / Programme.ConcentrationMgPerMl));
            InfusedSinceVtbiMl += mg / Programme.ConcentrationMgPerMl;
        }

        TimeH = Math.Max(TimeH, timeH);
    }

    private PumpResult Refuse(string reason)
    {
        Record(PumpEventKind.Refused, reason);
        return new PumpResult(PumpOutcome.Refused, reason, RateMgPerH);
    }

    private void Record(PumpEventKind kind, string detail) => _log?.Add(new PumpEvent(TimeH, kind, detail));

    /// <summary>An event of the pump's own (bag near empty or empty, volume reached), kept as the last one even without a log.</summary>
    private void RecordOwn(PumpEventKind kind, string detail)
    {
        LastOwnEvent = new PumpEvent(TimeH, kind, detail);
        _log?.Add(LastOwnEvent);
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
