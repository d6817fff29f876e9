namespace WardTwin.Grains;

/// <summary>How a ward runs: beds, protocol, clock (time scale; +∞ = as fast as possible), seed, arrivals, monitors.</summary>
[GenerateSerializer, Immutable]
public sealed record WardConfig(
    [property: Id(0)] int Beds,
    [property: Id(1)] string ProtocolId,
    [property: Id(2)] double TimeScale,
    [property: Id(3)] long Seed,
    [property: Id(4)] double ArrivalsPerDay = 0,
    [property: Id(5)] double[]? ArrivalScheduleH = null,
    [property: Id(6)] double MonitorHz = 1,
    [property: Id(7)] double MaxSpeedStepH = 6,
    [property: Id(8)] bool AutoNurse = true);
