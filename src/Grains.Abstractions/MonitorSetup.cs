namespace WardTwin.Grains;

/// <summary>How a bedside monitor is set up for its patient; its noise stream is keyed by (seed, patient index).</summary>
[GenerateSerializer, Immutable]
public sealed record MonitorSetup(
    [property: Id(0)] string PatientId,
    [property: Id(1)] double BaselineHrPerMin,
    [property: Id(2)] double SampleHz,
    [property: Id(3)] long Seed,
    [property: Id(4)] int PatientIndex);
