namespace WardTwin.Grains;

/// <summary>The ward at one moment of simulation time, and the silo that hosts it.</summary>
[GenerateSerializer, Immutable]
public sealed record WardStatus(
    [property: Id(0)] string WardId,
    [property: Id(1)] double SimTimeH,
    [property: Id(2)] double TimeScale,
    [property: Id(3)] bool Running,
    [property: Id(4)] int Beds,
    [property: Id(5)] int Occupied,
    [property: Id(6)] int Waiting,
    [property: Id(7)] int Admitted,
    [property: Id(8)] int Discharged,
    [property: Id(9)] IReadOnlyList<BedStatus> BedList,
    [property: Id(10)] double LagMs,
    [property: Id(11)] string Host = "",
    [property: Id(12)] bool Stopped = false,
    [property: Id(13)] string Activation = "");

/// <summary>One bed: who is in it, the pump rate, the last pain score, the latest vitals, open alarms, and why its last move failed (if it did).</summary>
[GenerateSerializer, Immutable]
public sealed record BedStatus(
    [property: Id(0)] int Bed,
    [property: Id(1)] string? AdmissionId,
    [property: Id(2)] double? ProtocolDay,
    [property: Id(3)] double? PumpRateMgPerH,
    [property: Id(4)] int? LastNrs,
    [property: Id(5)] VitalsReading? Vitals,
    [property: Id(6)] IReadOnlyList<string> ActiveAlarms,
    [property: Id(7)] string? Fault = null);

[GenerateSerializer, Immutable]
public sealed record OccupancyPoint([property: Id(0)] double SimTimeH, [property: Id(1)] int Occupied, [property: Id(2)] int Waiting);
