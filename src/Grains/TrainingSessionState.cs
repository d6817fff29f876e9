using System.Collections.Immutable;

namespace WardTwin.Grains;

/// <summary>
/// What a training session stores: the scenario, its trainees, and the record (trainee actions, alarms raised,
/// events fired), written at each new entry. The model's side (reviews, side effects, pump alarms) is not stored
/// here: each patient's journal replays it exactly.
/// </summary>
[GenerateSerializer]
public sealed record TrainingSessionState(
    [property: Id(0)] string? ScenarioId,
    [property: Id(1)] ImmutableList<string> Trainees,
    [property: Id(2)] ImmutableList<RecordedEntry> Record,
    [property: Id(3)] ImmutableList<string> Ended)
{
    public TrainingSessionState()
        : this(null, ImmutableList<string>.Empty, ImmutableList<RecordedEntry>.Empty, ImmutableList<string>.Empty)
    {
    }
}
