namespace WardTwin.Model.Parameters;

/// <summary>An alarm condition of the bedside monitor with its IEC 60601-1-8 priority and alarm-condition delay.</summary>
/// <param name="ConditionDelayS">How long the condition must last before the alarm is raised (IEC 60601-1-8's alarm-condition
/// delay): a monitor does not alarm on a single noisy reading.</param>
public sealed record AlarmRule(AlarmKind Kind, double Threshold, AlarmPriority Priority, string Source, bool Assumed = false, double ConditionDelayS = 0);

public enum AlarmKind
{
    Spo2Below,
    HrOver,
    HrRiseFraction,
    SbpOver,
}

/// <summary>IEC 60601-1-8 alarm priorities.</summary>
public enum AlarmPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}
