using System.Text.Json.Serialization;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Protocols;

/// <summary>Titration rules applied at review times: raise, hold, freeze and lower, in the protocol's rate unit.</summary>
public sealed record Titration(
    [property: JsonRequired] ReviewTimes Reviews,
    RaiseRule? Raise = null,
    bool FreezeOnNoticedRelief = false,
    LowerRule? Lower = null,
    double? Cap = null,
    string? Source = null,
    string? Assumed = null);

/// <summary>When reviews happen: at clock times each day, every N hours, or before each session.</summary>
public sealed record ReviewTimes(
    IReadOnlyList<string>? ClockTimes = null,
    double? EveryH = null,
    double? FirstH = null,
    double? LastH = null,
    bool BeforeEachSession = false);

/// <summary>How much to raise (by rate band, or linearly to a target over a number of reviews) and what holds a raise.</summary>
public sealed record RaiseRule(
    IReadOnlyList<RaiseStep>? Steps = null,
    double? LinearTo = null,
    int? LinearReviews = null,
    bool UnlessNoticedRelief = false,
    SideEffectGrade? UnlessSideEffectGrade = null,
    IReadOnlyList<string>? UnlessAlarms = null);

/// <summary>Raise by this much while the current rate is below the bound (the last step has no bound).</summary>
public sealed record RaiseStep([property: JsonRequired] double By, double? Below = null);

/// <summary>Lower by this much while a side effect of at least this grade is present.</summary>
public sealed record LowerRule([property: JsonRequired] SideEffectGrade OnSideEffectGrade, [property: JsonRequired] double By);

public enum SideEffectGrade
{
    None = 0,
    Mild = 1,
    Moderate = 2,
    Severe = 3,
}
