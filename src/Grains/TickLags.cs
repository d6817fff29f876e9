namespace WardTwin.Grains;

/// <summary>How long a ward's last ticks took (the last hour at one tick a second): the figure load tests read back, and the metric.</summary>
internal sealed class TickLags(WardTwinMetrics metrics)
{
    private const int Kept = 3600;
    private readonly Queue<double> _lags = new();

    public double LastMs { get; private set; }

    public void Record(double ms)
    {
        LastMs = ms;
        metrics.TickDuration.Record(ms / 1000);
        _lags.Enqueue(ms);
        if (_lags.Count > Kept)
        {
            _lags.Dequeue();
        }
    }

    public double[] ToArray() => [.. _lags];
}
