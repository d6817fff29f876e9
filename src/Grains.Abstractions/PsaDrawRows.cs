namespace WardTwin.Grains;

/// <summary>One PSA draw's result: per protocol (in the request's order) mean cost and effects per patient.</summary>
[GenerateSerializer, Immutable]
public sealed record PsaDrawRows([property: Id(0)] int Draw, [property: Id(1)] double[] Costs, [property: Id(2)] double[][] Effects);

/// <summary>Draws First.. of a PSA job, in draw order.</summary>
[GenerateSerializer, Immutable]
public sealed record PsaChunk([property: Id(0)] int First, [property: Id(1)] PsaDrawRows[] Draws, [property: Id(2)] int Total);
