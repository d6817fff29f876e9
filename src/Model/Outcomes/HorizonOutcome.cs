namespace WardTwin.Model.Outcomes;

/// <summary>
/// One patient over a horizon of years: every course (the first one's outcome is the admission's own), what they held
/// (bed-days, chair-hours), and QALYs day by day from the first course's first day, undiscounted and discounted.
/// Later courses keep their own outcome so prices (and a PSA's drawn prices) apply to them as to the first.
/// </summary>
public sealed record HorizonOutcome(
    double Years,
    string UtilityMapping,
    int Courses,
    int BoosterCourses,
    int BoosterSessions,
    double BedDays,
    double ChairHours,
    double Qalys,
    double QalysDiscounted,
    double[] LaterCourseStartYears,
    bool[] LaterCourseIsBooster,
    AdmissionOutcome[] LaterCourses);
