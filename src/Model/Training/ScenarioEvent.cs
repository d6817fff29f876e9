using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// Something that happens to a bed's patient, ward or monitor: at a time after the session starts (<c>at_h</c>), the first
/// time a condition on the model's state holds (<c>when</c>), or as the answer to what the trainee did or did not do after
/// another event (<c>on_trainee</c>). The instructor can also inject any of these live.
/// </summary>
public sealed record ScenarioEvent(
    string Id,
    ScenarioEventKind Kind,
    int Bed,
    double? AtH = null,
    ScenarioCondition? When = null,
    string? SideEffect = null,
    SideEffectGrade? Grade = null,
    double? DurationH = null,
    double? HrChangePerMin = null,
    double? SbpChangeMmHg = null,
    double? Spo2ChangePercent = null,
    string? Note = null,
    double? RrChangePerMin = null,
    TraineeTrigger? OnTrainee = null);

public enum ScenarioEventKind
{
    /// <summary>The patient shows a side effect at a grade for a while, whatever the concentration.</summary>
    SideEffect,

    /// <summary>
    /// Vital signs move by the given amounts for a while (the monitor reads them, its alarms follow). On a live ward the
    /// change belongs to the drug and fades as its fast effect falls (pausing the pump helps); a fall in SpO2 acts as poorer
    /// oxygenation (oxygen helps) and a fall in RR as less ventilation (SpO2 follows with its lag).
    /// </summary>
    VitalsChange,

    /// <summary>The line occludes: the pump stops delivering and alarms until someone clears it.</summary>
    Occlusion,

    /// <summary>The bag runs empty now.</summary>
    BagEmpty,

    /// <summary>The SpO2 probe comes off: the monitor reads a falsely low saturation for a while.</summary>
    ProbeOff,

    /// <summary>The patient asks to stop the treatment.</summary>
    AsksToStop,

    /// <summary>A new patient arrives in the (free) bed.</summary>
    NewAdmission,

    /// <summary>
    /// Nothing is done to the patient: the event marks the moment the bed's modelled course met its <c>when</c> (SpO2 falling
    /// below 92 % after a dose, say), so a rubric line can ask for the answer to what the model did by itself.
    /// </summary>
    Finding,
}

/// <summary>A condition on one bed's model state: a quantity above or below a value (a side effect reaching a grade).</summary>
public sealed record ScenarioCondition(
    ConditionQuantity Quantity,
    double? Above = null,
    double? Below = null,
    string? SideEffect = null,
    SideEffectGrade? AtLeast = null);

public enum ConditionQuantity
{
    PlasmaSKetamineNgPerMl,
    FastEffectNgPerMl,
    SlowEffectNgPerMl,
    SideEffectGrade,
    HrPerMin,
    SbpMmHg,
    Spo2Percent,
}
