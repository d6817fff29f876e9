using System.Collections.Immutable;

namespace WardTwin.Grains;

/// <summary>
/// What a ward stores: written at start, stop, admission, discharge, pause, resume and a new time scale, and
/// as a checkpoint of its sim time every few real seconds while it runs. A ward activated again (after being
/// collected or losing its silo) continues from here; its patients re-derive everything after it.
/// </summary>
[GenerateSerializer]
public sealed record WardState(
    [property: Id(0)] WardConfig? Config,
    [property: Id(1)] ImmutableArray<string?> Beds,
    [property: Id(2)] double SimH,
    [property: Id(3)] bool Running,
    [property: Id(4)] double TimeScale,
    [property: Id(5)] double NextArrivalH,
    [property: Id(6)] int ScheduleIndex,
    [property: Id(7)] ulong ArrivalsRandomState,
    [property: Id(8)] ImmutableArray<double> Waiting,
    [property: Id(9)] int Admitted,
    [property: Id(10)] int Discharged,
    [property: Id(11)] ImmutableArray<OccupancyPoint> Occupancy,
    [property: Id(12)] bool Stopped,
    [property: Id(13)] DateTimeOffset ClockAnchor,
    [property: Id(14)] double ClockAnchorH)
{
    public WardState()
        : this(null, [], 0, false, 1, double.PositiveInfinity, 0, 0, [], 0, 0, [], false, default, 0)
    {
    }
}
