namespace WardTwin.Load;

/// <summary>Latencies (ms) of arrived readings and alarms, with percentiles; late means over the 1 s budget.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _samples = [];
    private readonly List<double> _alarms = [];

    public long Delivered { get; private set; }

    public long Late { get; private set; }

    public void Sample(double latencyMs)
    {
        Delivered++;
        _samples.Add(latencyMs);
        if (latencyMs > 1000)
        {
            Late++;
        }
    }

    public void Alarm(double latencyMs) => _alarms.Add(latencyMs);

    public double SamplePercentile(double p) => Percentile(_samples, p);

    public double AlarmPercentile(double p) => Percentile(_alarms, p);

    public int AlarmCount => _alarms.Count;

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
