namespace WardTwin.Model.Simulation;

/// <summary>A scheduled moment of an admission; at equal times, kinds run in declaration order.</summary>
public readonly record struct TimelineEvent(double TimeH, TimelineEventKind Kind, int Arg = 0) : IComparable<TimelineEvent>
{
    public int CompareTo(TimelineEvent other)
    {
        int c = TimeH.CompareTo(other.TimeH);
        return c != 0 ? c : Kind.CompareTo(other.Kind);
    }

    public static bool operator <(TimelineEvent a, TimelineEvent b) => a.CompareTo(b) < 0;

    public static bool operator >(TimelineEvent a, TimelineEvent b) => a.CompareTo(b) > 0;

    public static bool operator <=(TimelineEvent a, TimelineEvent b) => a.CompareTo(b) <= 0;

    public static bool operator >=(TimelineEvent a, TimelineEvent b) => a.CompareTo(b) >= 0;
}

public enum TimelineEventKind
{
    DayStart,
    Assessment,
    Review,
    CoMedication,
    InfusionStart,
    Observation,
    InfusionStop,
    TreatmentEnd,
    T1,
    WeeklyAfter,
    T2,
}
