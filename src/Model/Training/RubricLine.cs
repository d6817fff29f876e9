using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// One line of a scenario's rubric: a rule checked on every occasion it applies, what counts as the answer
/// (<see cref="Answers"/>, a default per rule) and what is a wrong answer (<see cref="WrongAnswers"/>, each one costing
/// <see cref="WrongPenalty"/>), its weight in the score, and the penalty or critical error it carries. Windows are in the
/// scenario's <see cref="Scenario.AnswerWindows"/> (simulated time by default, or seconds of the running scenario).
/// </summary>
public sealed record RubricLine(
    string Id,
    RubricRule Rule,
    string Text,
    double Weight = 0,
    double? WithinS = null,
    double? WithinMin = null,
    AlarmPriority? Priority = null,
    string? SideEffect = null,
    string? Event = null,
    double ToleranceMgPerH = 0.5,
    double Penalty = 0,
    bool Critical = false,
    IReadOnlyList<ActionIntent>? Answers = null,
    IReadOnlyList<ActionIntent>? WrongAnswers = null,
    double WrongPenalty = 0)
{
    /// <summary>The window the rule allows, in hours (seconds or minutes in the file).</summary>
    public double? WindowH => WithinS is { } s ? s / 3600 : WithinMin is { } m ? m / 60 : null;

    /// <summary>What answers an occasion: the line's own list, or its rule's (an answer-event line must name its own).</summary>
    public IReadOnlyList<ActionIntent> AnswersOrDefault => Answers ?? Rule switch
    {
        RubricRule.AcknowledgeAlarm => [ActionIntent.AcknowledgeAlarm],
        RubricRule.LowerRateAfterSevereSideEffect => [ActionIntent.LowerRate, ActionIntent.PauseInfusion, ActionIntent.StopInfusion],
        RubricRule.MidazolamFor => [ActionIntent.Midazolam],
        RubricRule.TitrateAtReview => [ActionIntent.LowerRate, ActionIntent.RaiseRate, ActionIntent.KeepRate],
        RubricRule.ReplaceBag => [ActionIntent.ReplaceBag],
        _ => [],
    };

    public IReadOnlyList<ActionIntent> WrongAnswersOrEmpty => WrongAnswers ?? [];
}

public enum RubricRule
{
    /// <summary>Every alarm of the priority is acknowledged within the window.</summary>
    AcknowledgeAlarm,

    /// <summary>After a severe side effect appears, the rate is lowered (or the pump paused or stopped) within the window.</summary>
    LowerRateAfterSevereSideEffect,

    /// <summary>Midazolam within the window of the side effect reaching severe (hallucinations, for psychotomimetic).</summary>
    MidazolamFor,

    /// <summary>At each review the trainee decides (a rate, or hold), and the rate in effect at the window's end is the protocol's, within the tolerance.</summary>
    TitrateAtReview,

    /// <summary>An empty or near-empty bag is replaced within the window.</summary>
    ReplaceBag,

    /// <summary>A named scenario event is answered by one of the line's <c>answers</c> on its bed within the window.</summary>
    AnswerEvent,

    /// <summary>No rate above the pump's hard limit is ever tried (a penalty each time, or a critical error).</summary>
    NeverAboveHardLimit,

    /// <summary>A penalty for each midazolam dose given without restlessness or psychotomimetic effects at moderate or worse.</summary>
    MedicationWithoutIndication,
}
