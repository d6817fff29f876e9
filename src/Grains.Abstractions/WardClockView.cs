namespace WardTwin.Grains;

/// <summary>
/// The ward's clock as a monitor needs it to know the simulation time of a real-time instant: the wall
/// anchor, the simulation hour it read then, the time scale (+∞ as fast as possible), whether it runs,
/// and the latest hour the ward reached (what "now" is when it runs as fast as possible); Watched: someone
/// subscribed to the ward's details, so its patients push what their bedside shows after each move.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WardClockView(
    [property: Id(0)] long AnchorUnixMs,
    [property: Id(1)] double AnchorH,
    [property: Id(2)] double TimeScale,
    [property: Id(3)] bool Running,
    [property: Id(4)] double LatestH,
    [property: Id(5)] bool Watched = false)
{
    public double SimulationHourAt(DateTimeOffset wall)
    {
        if (!Running || double.IsPositiveInfinity(TimeScale))
        {
            return LatestH;
        }

        double realH = Math.Max(0, (wall.ToUnixTimeMilliseconds() - AnchorUnixMs) / 3_600_000.0);
        return AnchorH + (realH * TimeScale);
    }
}
