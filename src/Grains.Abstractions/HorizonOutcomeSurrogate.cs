using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

#pragma warning disable CA1051, CA1815 // Orleans surrogates are plain field bags by convention; never compared.

/// <summary>Wire form of the model's <see cref="HorizonOutcome"/> (a patient over years; later courses ride as outcomes themselves).</summary>
[GenerateSerializer]
public struct HorizonOutcomeSurrogate
{
    [Id(0)] public double Years;
    [Id(1)] public string UtilityMapping;
    [Id(2)] public int Courses;
    [Id(3)] public int BoosterCourses;
    [Id(4)] public int BoosterSessions;
    [Id(5)] public double BedDays;
    [Id(6)] public double ChairHours;
    [Id(7)] public double Qalys;
    [Id(8)] public double QalysDiscounted;
    [Id(9)] public double[] LaterCourseStartYears;
    [Id(10)] public bool[] LaterCourseIsBooster;
    [Id(11)] public AdmissionOutcome[] LaterCourses;
}
#pragma warning restore CA1051, CA1815

[RegisterConverter]
public sealed class HorizonOutcomeConverter : IConverter<HorizonOutcome, HorizonOutcomeSurrogate>
{
    public HorizonOutcome ConvertFromSurrogate(in HorizonOutcomeSurrogate s) => new(
        s.Years, s.UtilityMapping, s.Courses, s.BoosterCourses, s.BoosterSessions, s.BedDays, s.ChairHours, s.Qalys, s.QalysDiscounted,
        s.LaterCourseStartYears, s.LaterCourseIsBooster, s.LaterCourses);

    public HorizonOutcomeSurrogate ConvertToSurrogate(in HorizonOutcome o) => new()
    {
        Years = o.Years, UtilityMapping = o.UtilityMapping, Courses = o.Courses, BoosterCourses = o.BoosterCourses, BoosterSessions = o.BoosterSessions,
        BedDays = o.BedDays, ChairHours = o.ChairHours, Qalys = o.Qalys, QalysDiscounted = o.QalysDiscounted,
        LaterCourseStartYears = o.LaterCourseStartYears, LaterCourseIsBooster = o.LaterCourseIsBooster, LaterCourses = o.LaterCourses,
    };
}
