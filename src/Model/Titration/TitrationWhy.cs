namespace WardTwin.Model.Titration;

/// <summary>Which rule decided a review: the reason's words are made from it only when someone reads them (a log, a trainee).</summary>
internal enum TitrationWhy
{
    Lowered,
    Restored,
    FrozenHold,
    Freeze,
    NoRaiseRule,
    ReliefHold,
    SideEffectHold,
    AlarmHold,
    AtHardLimit,
    AtMaximum,
    Raised,
}
