using System.Diagnostics.Metrics;

namespace WardTwin.Grains;

/// <summary>
/// Histogram buckets chosen for the values of WardTwin's histograms, shared by the silo (which records them)
/// and the dashboard (whose prometheus-net adapter exports them): pump rates in mg/h, durations in seconds.
/// </summary>
public static class MetricBuckets
{
    public const string MeterName = "WardTwin";

    /// <summary>Pump rates span 0.5 mg/h (weight-based outpatient) to 200 mg/h (anaesthetic regimens).</summary>
    public static readonly IReadOnlyList<double> RateMgPerH = [0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 17, 20, 25, 30, 40, 50, 80, 120, 200];

    /// <summary>Durations from a millisecond (a quick tick) to ten seconds (a stalled path).</summary>
    public static readonly IReadOnlyList<double> Seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>The buckets for one of our histograms, or null for another meter's.</summary>
    public static double[]? For(Instrument instrument) => instrument.Meter.Name != MeterName ? null : instrument.Name switch
    {
        "infusion_rate" => [.. RateMgPerH],
        "tick_duration_seconds" or "telemetry_delivery_seconds" or "hl7_ack_seconds" or "fhir_request_seconds" => [.. Seconds],
        _ => null,
    };
}
