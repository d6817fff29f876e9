namespace WardTwin.Model.Protocols;

/// <summary>What the bag holds: S-ketamine (esketamine) only, or racemic ketamine (half S, half R).</summary>
public enum Product
{
    SKetamine,
    Racemic,
}

public enum Arm
{
    Active,
    Placebo,
}

public enum Setting
{
    Inpatient,
    TelemetryUnit,
    DayCare,
    IntensiveCare,
}
