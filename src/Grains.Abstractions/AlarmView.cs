namespace WardTwin.Grains;

/// <summary>An alarm with its IEC 60601-1-8 priority, as raised, acknowledged or escalated.</summary>
[GenerateSerializer, Immutable]
public sealed record AlarmView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Priority,
    [property: Id(2)] double RaisedAtH,
    [property: Id(3)] bool Acknowledged,
    [property: Id(4)] bool Escalated,
    [property: Id(5)] bool Active,
    [property: Id(6)] string? Label = null,
    [property: Id(7)] string? Category = null);
