namespace WardTwin.Model.Parameters;

/// <summary>An alarm condition of the bedside monitor with its IEC 60601-1-8 priority.</summary>
public sealed record AlarmRule(AlarmKind Kind, double Threshold, AlarmPriority Priority, string Source, bool Assumed = false);

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
