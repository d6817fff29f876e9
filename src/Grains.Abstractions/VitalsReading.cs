namespace WardTwin.Grains;

/// <summary>One monitor reading (or a per-minute mean when accelerated), with any artefact named.</summary>
[GenerateSerializer, Immutable]
public sealed record VitalsReading(
    [property: Id(0)] double SimTimeH,
    [property: Id(1)] double HrPerMin,
    [property: Id(2)] double SbpMmHg,
    [property: Id(3)] double DbpMmHg,
    [property: Id(4)] double Spo2Percent,
    [property: Id(5)] double RrPerMin,
    [property: Id(6)] string? Artefact);
