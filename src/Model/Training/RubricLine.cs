using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// One line of a scenario's rubric: a rule checked on every occasion it applies, its weight in the score, and
/// the penalty or critical error it carries. Windows are in simulated time (a training ward runs in real time).
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
    bool Critical = false)
{
    /// <summary>The window the rule allows, in hours (seconds or minutes in the file).</summary>
    public double? WindowH => WithinS is { } s ? s / 3600 : WithinMin is { } m ? m / 60 : null;
}

public enum RubricRule
{
    /// <summary>Every alarm of the priority is acknowledged within the window.</summary>
    AcknowledgeAlarm,

    /// <summary>After a severe side effect appears, the rate is lowered (or the pump paused or stopped) within the window.</summary>
    LowerRateAfterSevereSideEffect,

    /// <summary>Midazolam within the window of the side effect reaching severe (hallucinations, for psychotomimetic).</summary>
    MidazolamFor,

    /// <summary>At each review the trainee sets the rate the protocol's rule gives, within the tolerance and window.</summary>
    TitrateAtReview,

    /// <summary>An empty or near-empty bag is replaced within the window.</summary>
    ReplaceBag,

    /// <summary>A named scenario event is answered (any action on its bed) within the window.</summary>
    AnswerEvent,

    /// <summary>No rate above the pump's hard limit is ever tried (a penalty each time, or a critical error).</summary>
    NeverAboveHardLimit,

    /// <summary>A penalty for each midazolam dose given without restlessness or psychotomimetic effects at moderate or worse.</summary>
    MedicationWithoutIndication,
}
