using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>When the pump runs: one continuous infusion, or a series of sessions (day-care).</summary>
public sealed record Schedule(
    [property: JsonRequired] ScheduleKind Kind,
    double? DurationH = null,
    double? SessionH = null,
    int? Sessions = null,
    double EveryDays = 1,
    bool WeekdaysOnly = false,
    string? Source = null);

public enum ScheduleKind
{
    Continuous,
    Sessions,
}
