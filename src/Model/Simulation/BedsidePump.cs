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

    public double? NextEventTimeH => Pump.NextEventTimeH;

    /// <summary>Goes up at every change of the pump (command, own event, key, fault): a user confirming on what they saw checks it.</summary>
    public long Revision { get; private set; }

    /// <summary>Until then the ward nurse hangs bags even where a trainee decides them (a scenario that starts on day 2).</summary>
    public double NurseUntilH { get; init; }

    /// <summary>The protocol's command; the nurse who carries it out starts a stopped pump.</summary>
    public double Command(double t, PumpCommand command)
    {
        Revision++;
        if (command.Kind == PumpCommandKind.Stop)
        {
            if (Pump.State != PumpState.Stopped)
            {
                Pump.Stop(t);
            }
        }
        else
        {
            if (Pump.State == PumpState.Stopped)
            {
                Pump.Start(t);
            }

            Pump.SetRate(t, command.RateMgPerH, confirmed: true);
        }

        return Pump.DeliveredRateMgPerH;
    }

    /// <summary>Moves the pump through its next event; returns the delivery after it and what happened.</summary>
    public (double DeliveredMgPerH, PumpAlertEvent Alert) HandleEvent(double t)
    {
        Revision++;
        var eventBefore = Pump.LastOwnEvent;
        var stateBefore = Pump.State;
        Pump.AdvanceTo(t);
        string what = !ReferenceEquals(Pump.LastOwnEvent, eventBefore) ? Pump.LastOwnEvent!.Detail : Describe(stateBefore);
        bool hang = (wardNurseHangsBags || t < NurseUntilH) && (Pump.NearEmpty || Pump.State == PumpState.Empty);
        if (hang)
        {
            Pump.ReplaceBag(t);
        }

        var cause = !ReferenceEquals(Pump.LastOwnEvent, eventBefore) ? Pump.LastOwnEvent!.Kind : (PumpEventKind?)null;
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
            Pump.ReplaceBag(t);
        }

        return (Pump.DeliveredRateMgPerH, new PumpAlertEvent(t, "bag empty: delivery stopped", hang, PumpEventKind.Empty));
    }

    private string Describe(PumpState before) => Pump.State == before
        ? (Pump.NearEmpty ? "bag near empty" : "pump event")
        : $"pump now {Pump.State.ToString().ToLowerInvariant()}";
}
