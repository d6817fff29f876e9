namespace WardTwin.Grains;

/// <summary>A cohort to run: the protocol and parameter files travel as text, so any silo can run it.</summary>
[GenerateSerializer, Immutable]
public sealed record CohortRequest(
    [property: Id(0)] string ProtocolJson,
    [property: Id(1)] string ProtocolSource,
    [property: Id(2)] string CohortJson,
    [property: Id(3)] string ParametersJson,
    [property: Id(4)] int Patients,
    [property: Id(5)] long Seed,
    [property: Id(6)] bool Placebo);
