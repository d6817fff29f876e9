namespace WardTwin.Model.Capacity;

/// <summary>
/// A planner's capacity question: patients a year arriving (Poisson), beds for inpatient stays and day-care chairs for
/// sessions, which days the unit admits and runs sessions, how long and how often to simulate, and the wait to aim for.
/// </summary>
public sealed record CapacityQuestion(
    double PatientsPerYear,
    int Beds,
    int Chairs,
    Opening Opening = Opening.Weekdays,
    double Years = 5,
    int Replications = 10,
    double TargetWaitDays = 28,
    long Seed = 1);

/// <summary>Which days a unit admits patients and runs sessions.</summary>
public enum Opening
{
    Weekdays,
    All,
}
