namespace WardTwin.Grains;

[GenerateSerializer, Immutable]
public sealed record CohortProgress([property: Id(0)] int Done, [property: Id(1)] int Total, [property: Id(2)] bool Finished, [property: Id(3)] string? Silo = null);
