namespace WardTwin.Grains;

/// <summary>One point of a patient's charts: pump rate, plasma and effect-site concentrations, last pain score, worst side-effect grade (0-3), true vital signs.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientHistoryPoint(
    [property: Id(0)] double WardTimeH,
    [property: Id(1)] float DeliveredRateMgPerH,
    [property: Id(2)] float SKetamineNgPerMl,
    [property: Id(3)] float RKetamineNgPerMl,
    [property: Id(4)] float NorketamineNgPerMl,
    [property: Id(5)] float SlowEffectNgPerMl,
    [property: Id(6)] float FastEffectNgPerMl,
    [property: Id(7)] int? Nrs,
    [property: Id(8)] byte WorstSideEffectGrade,
    [property: Id(9)] float HrPerMin = 0,
    [property: Id(10)] float SbpMmHg = 0,
    [property: Id(11)] float Spo2Percent = 0,
    [property: Id(12)] float RrPerMin = 0,
    [property: Id(13)] byte SedationGrade = 0);
