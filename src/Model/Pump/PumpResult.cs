namespace WardTwin.Model.Pump;

/// <summary>The pump's answer to a request: done, refused with the reason, or waiting for a soft-limit confirmation.</summary>
public sealed record PumpResult(PumpOutcome Outcome, string Message, double RateMgPerH)
{
    public bool Accepted => Outcome == PumpOutcome.Accepted;
}

public enum PumpOutcome
{
    Accepted,
    NeedsConfirmation,
    Refused,
}
