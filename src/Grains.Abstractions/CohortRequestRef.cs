namespace WardTwin.Grains;

/// <summary>Which cohort request a shard runs: the cohort grain that holds it and its content hash (the silo's cache key).</summary>
[GenerateSerializer, Immutable]
public sealed record CohortRequestRef(
    [property: Id(0)] string CohortKey,
    [property: Id(1)] string Hash,
    [property: Id(2)] long Seed);
