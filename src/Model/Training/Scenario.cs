using System.Text.Json.Serialization;

namespace WardTwin.Model.Training;

/// <summary>
/// A training scenario as a data file: the ward, each bed's patient, who decides (the protocol engine or the
/// trainee), a timeline of events at a time or on a condition of the model's state, and the rubric that scores
/// the trainee's actions.
/// </summary>
public sealed record Scenario(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Title,
    [property: JsonRequired] string Description,
    [property: JsonRequired] ScenarioWard Ward,
    [property: JsonRequired] IReadOnlyList<ScenarioPatient> Patients,
    [property: JsonRequired] IReadOnlyList<RubricLine> Rubric,
    ScenarioDecisions? Decisions = null,
    IReadOnlyList<ScenarioEvent>? Events = null,
    string? Source = null,
    AnswerWindows AnswerWindows = AnswerWindows.Simulated)
{
    /// <summary>In a training scenario the trainee decides unless the file says otherwise.</summary>
    public ScenarioDecisions DecisionsOrDefault => Decisions ?? new ScenarioDecisions();

    public IReadOnlyList<ScenarioEvent> EventsOrEmpty => Events ?? [];
}

/// <summary>
/// The ward: protocol, beds, when the session starts, and how fast its clock runs (1 is real time). The start is
/// either hours after the admissions (<see cref="StartAtH"/>) or a day of admission and a clock time
/// (<see cref="StartDay"/>, <see cref="StartClock"/>: day 1 at 01:00 is the first night); a loaded scenario
/// carries both, resolved against the protocol's own start time.
/// </summary>
public sealed record ScenarioWard(
    [property: JsonRequired] string Protocol,
    [property: JsonRequired] int Beds,
    double StartAtH = 0,
    double TimeScale = 1,
    int? StartDay = null,
    string? StartClock = null);

/// <summary>
/// Who decides the titration reviews, the bag changes and the co-medication (the protocol's midazolam and clonidine) once the
/// trainee takes over. The trainee, unless the file says <c>protocol</c>: then the ward does it on its own, and the trainee's
/// page and log say so.
/// </summary>
public sealed record ScenarioDecisions(Decider Titration = Decider.Trainee, Decider Bags = Decider.Trainee, Decider CoMedication = Decider.Trainee);

/// <summary>How a rubric's windows (<c>within_s</c>, <c>within_min</c>) are counted.</summary>
public enum AnswerWindows
{
    /// <summary>In the ward's simulated time: 60 s is a simulated minute (5 real seconds at speed 12).</summary>
    Simulated,

    /// <summary>In seconds the trainee lived through while the ward ran, whatever its speed (a pause stops them; a jump takes none).</summary>
    Real,
}

public enum Decider
{
    Trainee,
    Protocol,
}
