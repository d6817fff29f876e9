namespace WardTwin.Grains;

/// <summary>
/// An event put into a patient from outside its protocol (a scenario's, or an instructor's), as journalled:
/// side-effect (with its name and grade 1-3), vitals-change, occlusion, bag-empty, probe-off, asks-to-stop.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InjectionInput(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? SideEffect = null,
    [property: Id(2)] int? Grade = null,
    [property: Id(3)] double DurationH = 0,
    [property: Id(4)] double HrChangePerMin = 0,
    [property: Id(5)] double SbpChangeMmHg = 0,
    [property: Id(6)] double Spo2ChangePercent = 0,
    [property: Id(7)] double RrChangePerMin = 0);
