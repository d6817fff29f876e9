using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>One entry of a training session's record, on one bed at one simulated time (ward hours).</summary>
public abstract record TrainingEntry(int Bed, double SimTimeH);

/// <summary>What a trainee did, with the pump's or the ward's answer; <paramref name="WallUnixMs"/> is when, by the wall clock.</summary>
/// <param name="Target">The alarm acknowledged, for <see cref="TraineeActionKind.AcknowledgeAlarm"/>.</param>
/// <param name="RateBeforeMgPerH">The pump's rate before the action (so a lowered rate can be told from a raised one).</param>
/// <param name="AboveHardLimit">A rate entry above the pump's hard limit (refused by the pump).</param>
public sealed record TraineeAction(
    int Bed, double SimTimeH, string Trainee, long WallUnixMs, TraineeActionKind Kind, double? Value, bool Accepted, string Message,
    string? Target = null, double? RateBeforeMgPerH = null, bool AboveHardLimit = false) : TrainingEntry(Bed, SimTimeH);

public enum TraineeActionKind
{
    SetRate,
    Start,
    Pause,
    Resume,
    Stop,
    ReplaceBag,
    SetVtbi,
    Midazolam,
    Discharge,
    AcknowledgeAlarm,

    /// <summary>Flumazenil i.v., mg: reverses midazolam for less time than midazolam lasts.</summary>
    Flumazenil,

    /// <summary>Ondansetron i.v., mg: lowers nausea.</summary>
    Ondansetron,

    /// <summary>Nasal oxygen, L/min (0 = off).</summary>
    Oxygen,

    /// <summary>At a review: keep the rate (a decision, recorded; the pump is left alone).</summary>
    Hold,

    /// <summary>The doctor is called to the bed: recorded and scored.</summary>
    CallDoctor,
}

/// <summary>The bed's monitor raised an alarm.</summary>
public sealed record AlarmRaised(int Bed, double SimTimeH, string Alarm, AlarmPriority Priority) : TrainingEntry(Bed, SimTimeH);

/// <summary>A nursing observation saw a side effect at a new grade (a rise or a fall).</summary>
public sealed record SideEffectSeen(int Bed, double SimTimeH, string SideEffect, SideEffectGrade Grade) : TrainingEntry(Bed, SimTimeH);

/// <summary>
/// A titration review came due; the trainee decides, and the protocol's rule would have set <paramref name="RecommendedMgPerH"/>
/// from what the page shows: the pain score, whether the patient noticed relief, the worst side effect since the last review and
/// the alarms since then.
/// </summary>
public sealed record ReviewDue(int Bed, double SimTimeH, double RateBeforeMgPerH, double RecommendedMgPerH, string Decision, string Reason,
    int? Nrs = null, bool? NoticedRelief = null, string? WorstSinceReview = null, SideEffectGrade WorstSinceReviewGrade = SideEffectGrade.None,
    IReadOnlyList<string>? AlarmsSinceReview = null) : TrainingEntry(Bed, SimTimeH);

/// <summary>The pump alarmed by itself: near-empty, empty, occluded, or its volume reached; <paramref name="NewBagHung"/> when the ward nurse answered it.</summary>
public sealed record PumpAlarmSeen(int Bed, double SimTimeH, PumpAlarmKind Kind, bool NewBagHung = false) : TrainingEntry(Bed, SimTimeH);

public enum PumpAlarmKind
{
    NearEmpty,
    Empty,
    Occluded,
    VolumeReached,
}

/// <summary>A scenario event happened: on its timeline, on its condition, or injected by the instructor.</summary>
public sealed record EventFired(int Bed, double SimTimeH, string EventId, ScenarioEventKind Kind, EventCause Cause) : TrainingEntry(Bed, SimTimeH);

public enum EventCause
{
    Timeline,
    Condition,
    Instructor,

    /// <summary>What the trainee did, or did not do, after another event (<see cref="TraineeTrigger"/>).</summary>
    Trainee,
}

/// <summary>
/// The ward's clock changed (started, paused, resumed, a new speed, or a jump from <paramref name="JumpedFromH"/>): the record of
/// how simulated time relates to the seconds the trainee lived through, for answer windows in real seconds.
/// </summary>
public sealed record ClockChanged(double SimTimeH, bool Running, double TimeScale, double? JumpedFromH = null) : TrainingEntry(0, SimTimeH);

/// <summary>What the bed's monitor and pump showed at a moment (a chart point of the course, or the bedside at a moment of the record): for the debrief's "what the trainee saw".</summary>
public sealed record BedReading(int Bed, double SimTimeH, double RateMgPerH, double HrPerMin, double SbpMmHg, double Spo2Percent, int? Nrs,
    double RrPerMin = 0, SideEffectGrade Sedation = SideEffectGrade.None) : TrainingEntry(Bed, SimTimeH);
