namespace WardTwin.Grains;

/// <summary>A patient as the bedside and the charts see them.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientSnapshot(
    [property: Id(0)] string AdmissionId,
    [property: Id(1)] string ProtocolId,
    [property: Id(2)] double WardTimeH,
    [property: Id(3)] double HoursSinceAdmission,
    [property: Id(4)] double SKetamineNgPerMl,
    [property: Id(5)] double RKetamineNgPerMl,
    [property: Id(6)] double SNorketamineNgPerMl,
    [property: Id(7)] double RNorketamineNgPerMl,
    [property: Id(8)] double SlowEffectNgPerMl,
    [property: Id(9)] double FastEffectNgPerMl,
    [property: Id(10)] double DeliveredRateMgPerH,
    [property: Id(11)] double ProtocolRate,
    [property: Id(12)] int? LastNrs,
    [property: Id(13)] bool TreatmentEnded,
    [property: Id(14)] IReadOnlyList<string> Log,
    [property: Id(15)] IReadOnlyDictionary<string, string> SideEffects,
    [property: Id(16)] string Activation = "");
