using WardTwin.Model.Pump;

namespace WardTwin.Model.Simulation;

/// <summary>
/// The pump at the bed as the walk sees it, the same in every engine: the protocol's commands (its
/// nurse confirms soft-limit rates the protocol calls for), the pump's own events (bag near-empty or
/// empty, volume to be infused reached) with the ward nurse hanging a new bag when one is on hand, and
/// keys pressed by hand. Each returns what the pump now delivers; the walk sets the patient's exposure
/// to exactly that.
/// </summary>
internal sealed class BedsidePump(PumpProgramme programme, bool keepLog, bool wardNurseHangsBags)
{
    public InfusionPump Pump { get; } = new(programme, keepLog);

    /// <summary>Another patient's programme on a fresh pump: a cohort's runner reuses the bedside from admission to admission.</summary>
    public void Reset(PumpProgramme bag, double hardMaxMgPerH, double? softMaxMgPerH)
    {
        Pump.Reset(bag, hardMaxMgPerH, softMaxMgPerH);
        Revision = 0;
    }

    public double? NextEventTimeH => Pump.NextEventTimeH;

    /// <summary>Goes up at every change of the pump (command, own event, key, fault): a user confirming on what they saw checks it.</summary>
    public long Revision { get; private set; }

    /// <summary>Until then the ward nurse hangs bags even where a trainee decides them (a scenario that starts on day 2).</summary>
    public double NurseUntilH { get; init; }

    /// <summary>The protocol's command to run at a rate; the nurse who carries it out starts a stopped pump and confirms a soft limit.</summary>
    public double SetRate(double t, double rateMgPerH)
    {
        Revision++;
        if (Pump.State == PumpState.Stopped)
        {
            Pump.Start(t, out _);
        }

        Pump.SetRate(t, rateMgPerH, confirmed: true, out _);
        return Pump.DeliveredRateMgPerH;
    }

    /// <summary>The protocol's command to stop.</summary>
    public double Stop(double t)
    {
        Revision++;
        if (Pump.State != PumpState.Stopped)
        {
            Pump.Stop(t, out _);
        }

        return Pump.DeliveredRateMgPerH;
    }

    /// <summary>Moves the pump through its next event; returns the delivery after it and, when <paramref name="describe"/>, what happened (a cohort keeps no log).</summary>
    public (double DeliveredMgPerH, PumpAlertEvent? Alert) HandleEvent(double t, bool describe)
    {
        Revision++;
        long ownBefore = Pump.OwnEvents;
        var stateBefore = Pump.State;
        Pump.AdvanceTo(t);
        bool own = Pump.OwnEvents != ownBefore;
        string? what = !describe ? null : own ? Pump.LastOwnEvent!.Detail : Describe(stateBefore);
        bool hang = (wardNurseHangsBags || t < NurseUntilH) && (Pump.NearEmpty || Pump.State == PumpState.Empty);
        if (hang)
        {
            Pump.ReplaceBagQuietly(t);
        }

        if (what is null)
        {
            return (Pump.DeliveredRateMgPerH, null);
        }

        var cause = own ? Pump.LastOwnEvent!.Kind : (PumpEventKind?)null;
        return (Pump.DeliveredRateMgPerH, new PumpAlertEvent(t, what, hang, cause));
    }

    public PumpResult Operate(double t, PumpAction action)
    {
        var result = Pump.Apply(t, action);
        Revision += result.Accepted ? 1 : 0;
        return result;
    }

    /// <summary>A fault: the line occludes.</summary>
    public PumpResult OccludeLine(double t)
    {
        Revision++;
        return Pump.OccludeLine(t);
    }

    /// <summary>A fault: the bag runs dry now; the ward nurse hangs a new one at once if the ward has one on hand.</summary>
    public (double DeliveredMgPerH, PumpAlertEvent Alert) EmptyBag(double t)
    {
        Revision++;
        Pump.EmptyBag(t);
        bool hang = (wardNurseHangsBags || t < NurseUntilH) && Pump.State == PumpState.Empty;
        if (hang)
        {
            Pump.ReplaceBagQuietly(t);
        }

        return (Pump.DeliveredRateMgPerH, new PumpAlertEvent(t, "bag empty: delivery stopped", hang, PumpEventKind.Empty));
    }

    private string Describe(PumpState before) => Pump.State == before
        ? (Pump.NearEmpty ? "bag near empty" : "pump event")
        : $"pump now {Pump.State.ToString().ToLowerInvariant()}";
}
