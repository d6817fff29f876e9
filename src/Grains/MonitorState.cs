using System.Collections.Immutable;

namespace WardTwin.Grains;

/// <summary>
/// What a bedside monitor stores, written when its alarm board changes (raised, escalated, ended,
/// acknowledged) and when it is deactivated: its setup, the sampler's noise stream and drifts, the alarm
/// board, the last sampled hour and the count of readings (their sequence). Readings are not stored; after a
/// silo loss the monitor continues its schedule and noise stream from the last write.
/// </summary>
[GenerateSerializer]
public sealed record MonitorState(
    [property: Id(0)] MonitorSetup? Setup,
    [property: Id(1)] StoredSampler? Sampler,
    [property: Id(2)] ImmutableArray<StoredAlarm> Alarms,
    [property: Id(3)] double LastSampleH,
    [property: Id(4)] long Samples)
{
    public MonitorState()
        : this(null, null, [], double.NaN, 0)
    {
    }
}

/// <summary>A sampler's position: its SplitMix64 stream (state and spare normal), drifts and artefact.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredSampler(
    [property: Id(0)] ulong RandomState,
    [property: Id(1)] double SpareNormal,
    [property: Id(2)] bool HasSpare,
    [property: Id(3)] double HrDrift,
    [property: Id(4)] double BpDrift,
    [property: Id(5)] double Spo2Drift,
    [property: Id(6)] double LastTimeH,
    [property: Id(7)] double ArtefactUntilH,
    [property: Id(8)] int Artefact);

/// <summary>One alarm on the board, as stored.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredAlarm(
    [property: Id(0)] string Kind,
    [property: Id(1)] int Priority,
    [property: Id(2)] double RaisedAtH,
    [property: Id(3)] bool Acknowledged,
    [property: Id(4)] bool Escalated,
    [property: Id(5)] bool Active);
