namespace WardTwin.Model.Training;

/// <summary>
/// What a trainee's action means at the bedside, as a rubric line names its answers and its wrong answers
/// (<c>answers: [lower-rate, pause-infusion]</c>). A rate entry is read by its direction against the rate before it.
/// New actions join by a value here and a line in <see cref="ActionIntents.Of"/>.
/// </summary>
public enum ActionIntent
{
    /// <summary>A rate entered below the rate that ran.</summary>
    LowerRate,

    /// <summary>A rate entered above the rate that ran.</summary>
    RaiseRate,

    /// <summary>The rate kept at a review: "hold", or the same rate entered again.</summary>
    KeepRate,

    PauseInfusion,

    StopInfusion,

    /// <summary>The pump started or resumed (a cleared occlusion, a restart after a pause).</summary>
    RestartInfusion,

    ReplaceBag,

    SetVtbi,

    Midazolam,

    /// <summary>Oxygen given (L/min above 0).</summary>
    Oxygen,

    /// <summary>Oxygen turned off (0 L/min): never an answer to a falling saturation.</summary>
    OxygenOff,

    /// <summary>Flumazenil given: reverses midazolam for a shorter time than midazolam lasts.</summary>
    Flumazenil,

    /// <summary>Ondansetron given for nausea.</summary>
    Ondansetron,

    /// <summary>The doctor called to the bed.</summary>
    CallDoctor,

    AcknowledgeAlarm,

    Discharge,
}
