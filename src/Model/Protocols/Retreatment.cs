using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>
/// What a protocol does when relief is lost over a multi-year horizon (issue 21; economics.md, "Durability of relief and
/// retreatment"). <see cref="RetreatmentPolicy.Repeat"/>: a patient whose relief came and went is offered the course again
/// (after the waiting time, taken up with the probability, the parameter file gives). <see cref="RetreatmentPolicy.Booster"/>:
/// a patient with relief also gets a booster (this protocol cut to <see cref="BoosterSessions"/> sessions, or to
/// <see cref="BoosterDurationH"/> hours of a continuous infusion) every <see cref="EveryWeeks"/> weeks after the last course
/// while the relief lasts. <see cref="MaxCourses"/> counts every course, the first included.
/// </summary>
public sealed record Retreatment(
    [property: JsonRequired] RetreatmentPolicy Policy,
    double? EveryWeeks = null,
    int? BoosterSessions = null,
    double? BoosterDurationH = null,
    int MaxCourses = 10,
    string? Source = null,
    string? Assumed = null)
{
    /// <summary>The booster course: the protocol itself, shorter; titration starts again from the start rate (assumed).</summary>
    public Protocol Booster(Protocol p) => p with
    {
        Id = p.Id + "-booster",
        Schedule = p.Schedule.Kind == ScheduleKind.Sessions
            ? p.Schedule with { Sessions = BoosterSessions ?? 1 }
            : p.Schedule with { DurationH = BoosterDurationH ?? p.Schedule.DurationH },
        Retreatment = null,
    };
}

public enum RetreatmentPolicy
{
    None,
    Repeat,
    Booster,
}
