namespace WardTwin.Grains;

/// <summary>
/// A patient's course as a debrief and a score read it, replayed from the stored admission and journal: what the
/// model saw (reviews due, side-effect grades, pump alarms, injected events) and chart points; and, beside it,
/// the same patient with the same injected events run by the protocol's own rules. <see cref="Moments"/>: the bedside at each
/// moment the caller asked for (an alarm, an event, an action), exact where the chart's points are minutes apart.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PatientCourse(
    [property: Id(0)] string AdmissionId,
    [property: Id(1)] int Bed,
    [property: Id(2)] IReadOnlyList<CourseEvent> Events,
    [property: Id(3)] IReadOnlyList<PatientHistoryPoint> Chart,
    [property: Id(4)] IReadOnlyList<PatientHistoryPoint> ProtocolChart,
    [property: Id(5)] IReadOnlyList<CourseEvent> ProtocolEvents,
    [property: Id(6)] double HardMaxMgPerH,
    [property: Id(7)] IReadOnlyList<PatientHistoryPoint>? Moments = null);

/// <summary>One typed event of a course (ward hours); the fields that apply to its kind are set.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseEvent(
    [property: Id(0)] double WardTimeH,
    [property: Id(1)] CourseEventKind Kind,
    [property: Id(2)] string Detail,
    [property: Id(3)] string? SideEffect = null,
    [property: Id(4)] int? Grade = null,
    [property: Id(5)] double? FromMgPerH = null,
    [property: Id(6)] double? ToMgPerH = null,
    [property: Id(7)] string? Decision = null,
    [property: Id(8)] string? PumpAlarm = null,
    [property: Id(9)] string? Reason = null,
    [property: Id(10)] bool NewBagHung = false,
    [property: Id(11)] CourseActor By = CourseActor.Ward,
    [property: Id(12)] int? Nrs = null,
    [property: Id(13)] bool? NoticedRelief = null,
    [property: Id(14)] string? SinceReviewSideEffect = null,
    [property: Id(15)] int? SinceReviewGrade = null,
    [property: Id(16)] IReadOnlyList<string>? AlarmsSinceReview = null);

/// <summary>Who did what a course event records: the ward on its own (the protocol, the ward nurse), the trainee, the scenario, or the patient's own course (observations, reviews due).</summary>
public enum CourseActor
{
    Ward,
    Trainee,
    Scenario,
    Patient,
}

public enum CourseEventKind
{
    ReviewDue,
    Titration,
    SideEffect,
    PumpAlarm,
    Injected,
    CoMedication,
    PumpByHand,
    Discharge,
}

/// <summary>
/// A patient's state now, cheaply (no replay): what scenario conditions test, and what the trainee's page shows beside the
/// monitor: the last pain score and whether relief was noticed at the last review, the side effects and alarms since it (what
/// the titration rule reads), and how many events the course has logged (a page fetches the log when it grows).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PatientStateNow(
    [property: Id(0)] double WardTimeH,
    [property: Id(1)] double PlasmaSKetamineNgPerMl,
    [property: Id(2)] double FastEffectNgPerMl,
    [property: Id(3)] double SlowEffectNgPerMl,
    [property: Id(4)] IReadOnlyDictionary<string, int> SideEffectGrades,
    [property: Id(5)] double HrPerMin,
    [property: Id(6)] double SbpMmHg,
    [property: Id(7)] double Spo2Percent,
    [property: Id(8)] bool TreatmentEnded,
    [property: Id(9)] double? NextReviewWardH,
    [property: Id(10)] double RateMgPerH,
    [property: Id(11)] string PumpState,
    [property: Id(12)] double HardMaxMgPerH,
    [property: Id(13)] int? LastNrs = null,
    [property: Id(14)] bool? NoticedRelief = null,
    [property: Id(15)] IReadOnlyDictionary<string, int>? SideEffectsSinceReview = null,
    [property: Id(16)] IReadOnlyList<string>? AlarmsSinceReview = null,
    [property: Id(17)] double? LastReviewWardH = null,
    [property: Id(18)] int EventCount = 0);
