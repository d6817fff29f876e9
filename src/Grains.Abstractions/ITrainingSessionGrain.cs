namespace WardTwin.Grains;

/// <summary>
/// A training session: one scenario run for one or more trainees, each on their own ward built from it. It fires
/// the scenario's events (on time, on a condition of the model's state, or when the instructor injects one), takes
/// every trainee action (who, which bed, sim and wall time) to the pump or patient and records it with the answer,
/// records the monitors' alarms, and scores and debriefs each trainee from that record and the patients' courses.
/// </summary>
public interface ITrainingSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the scenario (a data file's id) for the trainees named; refused once started. Paused, every ward's clock waits for <see cref="ResumeAsync"/>.</summary>
    Task<TrainingView> StartAsync(string scenarioId, IReadOnlyList<string> trainees, bool startPaused = false);

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

    /// <summary>The instructor's note or bookmark on one trainee's record (or every trainee's), at the ward's time, on a bed (or the ward: null).</summary>
    Task AnnotateAsync(string? trainee, int? bed, string text);

    /// <summary>One bed's log as the trainee's page shows it: the patient's course events (medication, pump, reviews, the ward's own actions) and the alarms and actions recorded on it.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<BedLog> GetBedLogAsync(string trainee, int bed);
}

/// <summary>A bed's log for the trainee's page: empty (no admission) or the course's events and the session's entries on it.</summary>
[GenerateSerializer, Immutable]
public sealed record BedLog(
    [property: Id(0)] int Bed,
    [property: Id(1)] string? AdmissionId,
    [property: Id(2)] IReadOnlyList<CourseEvent> Events,
    [property: Id(3)] IReadOnlyList<RecordedEntry> Record);

/// <summary>A trainee's command: set-rate (value mg/h, confirm with the pump's revision), hold, start, pause, resume, stop, replace-bag, set-vtbi (value mL), midazolam (value mg), oxygen (value L/min), call-doctor, discharge, acknowledge-alarm (target).</summary>
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
    [property: Id(8)] IReadOnlyList<RubricLineView> Lines,
    [property: Id(9)] TraineeEnd? Ended = null,
    [property: Id(10)] bool ClockStarted = true);

/// <summary>Why and when a trainee's scenario ended (a critical error), in words, and what the instructor can do.</summary>
[GenerateSerializer, Immutable]
public sealed record TraineeEnd(
    [property: Id(0)] double SimTimeH,
    [property: Id(1)] string RubricLine,
    [property: Id(2)] string What,
    [property: Id(3)] string InstructorCan);

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
    [property: Id(8)] IReadOnlyList<EvidenceView> Evidence,
    [property: Id(9)] string Answers = "");

/// <summary>One occasion of a rubric line: bed, when (day and time), met, missed or open, what happened, and what the trainee's page showed then.</summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceView(
    [property: Id(0)] int Bed,
    [property: Id(1)] string When,
    [property: Id(2)] string Outcome,
    [property: Id(3)] string What,
    [property: Id(4)] string Saw,
    [property: Id(5)] double Penalty = 0)
{
    /// <summary>"bed 1 day 1 10:45 met: ...", as the record reads it.</summary>
    public override string ToString() => $"bed {Bed} {When} {Outcome}: {What}";
}

/// <summary>One stored entry of a session's record: a trainee action, an alarm raised, a scenario event fired, a change of the ward's clock, or the instructor's note.</summary>
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
    [property: Id(15)] string? Cause = null,
    [property: Id(16)] bool? Running = null,
    [property: Id(17)] double? TimeScale = null,
    [property: Id(18)] double? JumpedFromH = null);

public enum RecordedKind
{
    TraineeAction,
    AlarmRaised,
    EventFired,

    /// <summary>The ward's clock started, paused, resumed, changed speed or jumped (<see cref="RecordedEntry.Running"/>, <see cref="RecordedEntry.TimeScale"/>, <see cref="RecordedEntry.JumpedFromH"/>).</summary>
    ClockChanged,

    /// <summary>The instructor's note or bookmark (not scored).</summary>
    Annotation,
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
    [property: Id(11)] IReadOnlyList<AlarmView> OpenAlarms,
    [property: Id(12)] TraineeEnd? Ended = null);
