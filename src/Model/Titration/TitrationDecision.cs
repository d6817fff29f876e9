namespace WardTwin.Model.Titration;

/// <summary>The outcome of one review: the new rate, what was done and why (logged for trainees and audits).</summary>
public sealed record TitrationDecision(TitrationAction Action, double NewRate, string Reason, TitrationState State);

public enum TitrationAction
{
    Raise,
    Hold,
    Freeze,
    Lower,
    Restore,
}
