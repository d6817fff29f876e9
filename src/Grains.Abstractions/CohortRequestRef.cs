namespace WardTwin.Grains;

/// <summary>Which job a shard works for: the job grain that holds the request and the request's content hash (the silo's cache key).</summary>
[GenerateSerializer, Immutable]
public sealed record CohortRequestRef(
    [property: Id(0)] string JobKey,
    [property: Id(1)] string Hash,
    [property: Id(2)] long Seed);
