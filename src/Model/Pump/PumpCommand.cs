namespace WardTwin.Model.Pump;

/// <summary>What the protocol asks of the pump: run at a rate, or stop.</summary>
public sealed record PumpCommand(PumpCommandKind Kind, double RateMgPerH);

public enum PumpCommandKind
{
    SetRate,
    Stop,
}
