using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;
using WardTwin.Grains;

namespace WardTwin.Dashboard;

/// <summary>
/// Publishes WardTwin's own meter to prometheus-net with the Prometheus types its instruments mean:
/// counters as counters (prometheus-net's MeterAdapter turns every .NET counter into a gauge, because other
/// meters may be re-created and count down; ours live as long as the process), histograms with the buckets
/// chosen for their values, observable gauges as gauges read before each scrape. Every other meter still
/// goes through the MeterAdapter.
/// </summary>
public sealed class WardTwinPrometheusBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Collector> _collectors = new();

    public WardTwinPrometheusBridge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MetricBuckets.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // Every type an instrument may measure in (an int gauge was seen only through prometheus-net's own adapter).
        _listener.SetMeasurementEventCallback<byte>(OnMeasurement);
        _listener.SetMeasurementEventCallback<short>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<float>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
        _listener.Start();
        Metrics.DefaultRegistry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    private void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct
    {
        var sorted = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        string[] values = [.. sorted.Select(t => t.Value?.ToString() ?? string.Empty)];
        var collector = _collectors.GetOrAdd(instrument, i => Create(i, [.. sorted.Select(t => t.Key.Replace('.', '_').Replace('-', '_'))]));
        double value = Convert.ToDouble(measurement, System.Globalization.CultureInfo.InvariantCulture);
        switch (collector)
        {
            case Counter c:
                c.WithLabels(values).Inc(value);
                break;
            case Histogram h:
                h.WithLabels(values).Observe(value);
                break;
            case Gauge g:
                g.WithLabels(values).Set(value);
                break;
        }
    }

    private static Collector Create(Instrument i, string[] labels)
    {
        string name = "wardtwin_" + i.Name;
        string help = string.IsNullOrEmpty(i.Unit) ? i.Description ?? i.Name : $"({i.Unit}) {i.Description}";
        return i switch
        {
            Counter<long> or Counter<double> => Metrics.CreateCounter(name, help, labels),
            Histogram<long> or Histogram<double> => Metrics.CreateHistogram(name, help, new HistogramConfiguration { LabelNames = labels, Buckets = MetricBuckets.For(i) ?? Histogram.ExponentialBuckets(0.001, 2, 16) }),
            _ => Metrics.CreateGauge(name, help, labels),
        };
    }

    public void Dispose() => _listener.Dispose();
}
