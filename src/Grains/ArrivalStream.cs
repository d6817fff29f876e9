using WardTwin.Model.Randomness;

namespace WardTwin.Grains;

/// <summary>
/// A ward's arrivals: a Poisson stream (so many a day) or a fixed schedule of sim times; the next arrival,
/// and a position a ward stores (next time, schedule index, random stream) so a restored ward continues it.
/// </summary>
internal sealed class ArrivalStream
{
    private readonly WardConfig _config;
    private SeededRandom _random;
    private int _scheduleIndex;

    public ArrivalStream(WardConfig config)
    {
        _config = config;
        _random = SeededRandom.For(config.Seed, -2, StreamPurpose.Arrivals);
        NextH = Next(0);
    }

    public ArrivalStream(WardConfig config, double nextH, int scheduleIndex, ulong randomState)
    {
        _config = config;
        _random = new SeededRandom(randomState);
        _scheduleIndex = scheduleIndex;
        NextH = nextH;
    }

    /// <summary>When the next patient arrives (+∞: nobody more).</summary>
    public double NextH { get; private set; }

    public int ScheduleIndex => _scheduleIndex;

    public ulong RandomState => _random.Position.State;

    /// <summary>Every arrival up to <paramref name="untilH"/>, in order; the stream moves past them.</summary>
    public IEnumerable<double> Until(double untilH)
    {
        while (NextH <= untilH)
        {
            double at = NextH;
            NextH = Next(at);
            yield return at;
        }
    }

    private double Next(double afterH)
    {
        if (_config.ArrivalScheduleH is { } schedule)
        {
            while (_scheduleIndex < schedule.Length && schedule[_scheduleIndex] < afterH)
            {
                _scheduleIndex++;
            }

            return _scheduleIndex < schedule.Length ? schedule[_scheduleIndex++] : double.PositiveInfinity;
        }

        return _config.ArrivalsPerDay > 0 ? afterH + (-Math.Log(_random.NextDouble()) * 24 / _config.ArrivalsPerDay) : double.PositiveInfinity;
    }
}
