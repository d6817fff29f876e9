namespace WardTwin.Model.Parameters;

/// <summary>An alarm condition of the bedside monitor (or of the pump at the bed) with its IEC 60601-1-8 priority, category, latching and alarm-condition delay.</summary>
/// <param name="ConditionDelayS">How long the condition must last before the alarm is raised (IEC 60601-1-8's alarm-condition
/// delay): a monitor does not alarm on a single noisy reading.</param>
/// <param name="Category">Physiological (the patient) or technical (the equipment: a probe off, the pump's line or bag); IEC 60601-1-8
/// keeps the two apart, so a loose probe is never shown as a desaturation.</param>
/// <param name="Latching">A latching alarm stays after its condition ends until it is acknowledged; a non-latching one goes with its
/// condition (IEC 60601-1-8 latching and non-latching alarm signals).</param>
/// <param name="Threshold">The limit of a physiological rule; technical rules have none.</param>
public sealed record AlarmRule(
    AlarmKind Kind,
    AlarmPriority Priority,
    string Source,
    double Threshold = 0,
    bool Assumed = false,
    double ConditionDelayS = 0,
    AlarmCategory Category = AlarmCategory.Physiological,
    bool Latching = true);

public enum AlarmKind
{
    Spo2Below,
    HrOver,
    HrRiseFraction,
    SbpOver,

    /// <summary>Respiratory rate, as the monitor shows it (whole breaths a minute), at or below the threshold.</summary>
    RrAtMost,

    /// <summary>Respiratory rate, as the monitor shows it, at or above the threshold.</summary>
    RrAtLeast,

    /// <summary>The SpO2 probe is off the finger (technical).</summary>
    ProbeOff,

    /// <summary>The pump's line is occluded (technical).</summary>
    PumpOcclusion,

    /// <summary>The pump's bag is empty (technical).</summary>
    BagEmpty,
}

/// <summary>IEC 60601-1-8 alarm priorities.</summary>
public enum AlarmPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>IEC 60601-1-8's two kinds of alarm condition.</summary>
public enum AlarmCategory
{
    Physiological,
    Technical,
}
