namespace WardTwin.Grains;

/// <summary>
/// A training session: one scenario run for one or more trainees, each on their own ward built from it. It fires
/// the scenario's events (on time, on a condition of the model's state, or when the instructor injects one), takes
/// every trainee action (who, which bed, sim and wall time) to the pump or patient and records it with the answer,
/// records the monitors' alarms, and scores and debriefs each trainee from that record and the patients' courses.
/// </summary>
public interface ITrainingSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the scenario (a data file's id) for the trainees named; refused once started.</summary>
    Task<TrainingView> StartAsync(string scenarioId, IReadOnlyList<string> trainees);

    [Orleans.Concurrency.AlwaysInterleave]
    Task<TrainingView> GetViewAsync();

    /// <summary>A trainee's action on a bed (1-based as the scenario numbers them).</summary>
    Task<TrainingActionReply> ActAsync(string trainee, int bed, TraineeCommand command);

    /// <summary>The instructor fires a scenario event (by id) now, or an event of their own, on one trainee's ward or on all.</summary>
    Task InjectAsync(string? trainee, string? eventId, InjectionInput? custom, int? bed);

    Task PauseAsync();

    Task ResumeAsync();

    Task SetTimeScaleAsync(double timeScale);

    /// <summary>Moves every trainee's ward to the next titration review due on it.</summary>
    Task<double?> JumpToNextReviewAsync();

    /// <summary>Fires due events, polls conditions and alarms (the session's timer calls it; tests call it).</summary>
    Task TickAsync();

    /// <summary>A trainee's debrief: score, record, and each bed's course beside the protocol's own.</summary>
    Task<TrainingDebrief> GetDebriefAsync(string trainee);
}

/// <summary>A trainee's command: set-rate (value mg/h, confirm), start, pause, resume, stop, replace-bag, set-vtbi (value mL), midazolam (value mg), discharge, acknowledge-alarm (target).</summary>
[GenerateSerializer, Immutable]
public sealed record TraineeCommand(
    [property: Id(0)] string Action,
    [property: Id(1)] double? Value = null,
    [property: Id(2)] bool ConfirmSoftLimit = false,
    [property: Id(3)] string? Target = null,
    [property: Id(4)] long? Revision = null);

/// <summary>What came of a trainee's action: accepted, refused or needing confirmation, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingActionReply(
    [property: Id(0)] string Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] double SimTimeH,
    [property: Id(3)] long? PumpRevision = null);

/// <summary>The session now: the scenario, each trainee's ward and live score, and the latest record.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string ScenarioId,
    [property: Id(2)] string Title,
    [property: Id(3)] IReadOnlyList<TraineeView> Trainees,
    [property: Id(4)] IReadOnlyList<string> EventIds,
    [property: Id(5)] double StartAtH);

[GenerateSerializer, Immutable]
public sealed record TraineeView(
    [property: Id(0)] string Trainee,
    [property: Id(1)] string WardId,
    [property: Id(2)] double SimTimeH,
    [property: Id(3)] bool Running,
    [property: Id(4)] double TimeScale,
    [property: Id(5)] double Score,
    [property: Id(6)] bool CriticalError,
    [property: Id(7)] IReadOnlyList<RecordedEntry> Latest,
    [property: Id(8)] IReadOnlyList<RubricLineView> Lines);

[GenerateSerializer, Immutable]
public sealed record RubricLineView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] double Weight,
    [property: Id(3)] int Met,
    [property: Id(4)] int Missed,
    [property: Id(5)] int Pending,
    [property: Id(6)] double Penalty,
    [property: Id(7)] bool Critical,
    [property: Id(8)] IReadOnlyList<string> Evidence);

/// <summary>One stored entry of a session's record: a trainee action, an alarm raised, or a scenario event fired.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedEntry(
    [property: Id(0)] RecordedKind Kind,
    [property: Id(1)] string Trainee,
    [property: Id(2)] int Bed,
    [property: Id(3)] double SimTimeH,
    [property: Id(4)] long WallUnixMs,
    [property: Id(5)] string What,
    [property: Id(6)] string? Action = null,
    [property: Id(7)] double? Value = null,
    [property: Id(8)] bool Accepted = false,
    [property: Id(9)] string? Target = null,
    [property: Id(10)] double? RateBeforeMgPerH = null,
    [property: Id(11)] bool AboveHardLimit = false,
    [property: Id(12)] string? Priority = null,
    [property: Id(13)] string? EventId = null,
    [property: Id(14)] string? EventKind = null,
    [property: Id(15)] string? Cause = null);

public enum RecordedKind
{
    TraineeAction,
    AlarmRaised,
    EventFired,
}

/// <summary>A trainee's debrief: the score with every line's evidence, the record, and per bed the course beside the protocol's.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingDebrief(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string ScenarioId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Trainee,
    [property: Id(4)] double SimTimeH,
    [property: Id(5)] double Score,
    [property: Id(6)] bool CriticalError,
    [property: Id(7)] string? EndedBy,
    [property: Id(8)] IReadOnlyList<RubricLineView> Lines,
    [property: Id(9)] IReadOnlyList<RecordedEntry> Record,
    [property: Id(10)] IReadOnlyList<PatientCourse> Beds,
    [property: Id(11)] IReadOnlyList<AlarmView> OpenAlarms);
