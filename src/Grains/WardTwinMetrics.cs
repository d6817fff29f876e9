using System.Diagnostics.Metrics;

namespace WardTwin.Grains;

/// <summary>
/// The one place that creates WardTwin's instruments (Meter "WardTwin"). Names are stable and tags are
/// low-cardinality (protocol, kind, priority, action): never a patient, bed or ward id. prometheus-net
/// prefixes the meter's name, so "live_admissions" is scraped as wardtwin_live_admissions. Counters carry
/// "_total" in their own names (prometheus-net adds none); durations are in seconds, Prometheus's base unit;
/// every histogram has buckets chosen for its values.
/// </summary>
public sealed class WardTwinMetrics
{
    public const string MeterName = MetricBuckets.MeterName;

    // prometheus-net does not export UpDownCounters, so these levels are observed as gauges.
    private long _liveAdmissions;
    private long _wardsRunning;

    public WardTwinMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("live_admissions", () => Interlocked.Read(ref _liveAdmissions), "{admission}", "Admissions currently in a bed on a live ward on this silo");
        meter.CreateObservableGauge("wards_running", () => Interlocked.Read(ref _wardsRunning), "{ward}", "Live wards running on this silo");
        InfusionRate = meter.CreateHistogram<double>("infusion_rate", "mg/h", "Delivered pump rate at each ward tick, mg/h (clinical unit; the name carries none, as mg/h is no Prometheus base unit)", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.RateMgPerH });
        VitalsSamples = meter.CreateCounter<long>("vitals_samples_total", "{sample}", "Vital-sign readings taken by bedside monitors (4 vitals each)");
        MonitorSamplesSkipped = meter.CreateCounter<long>("monitor_samples_skipped_total", "{sample}", "Readings monitors gave up because their silo ran their turns more than a few periods late (each leaves a gap in the monitor's sequence numbers)");
        Alarms = meter.CreateCounter<long>("alarms_total", "{alarm}", "Alarms raised, by kind and IEC 60601-1-8 priority");
        StateWriteFailures = meter.CreateCounter<long>("state_write_failures_total", "{write}", "Grain state writes that storage refused, by grain kind");
        TitrationEvents = meter.CreateCounter<long>("titration_events_total", "{event}", "Titration reviews on live wards, by action");
        CohortAdmissions = meter.CreateCounter<long>("cohort_admissions_total", "{admission}", "Admissions finished by cohort shards");
        TickDuration = meter.CreateHistogram<double>("tick_duration_seconds", "s", "Real time a ward tick takes to advance every bed", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Seconds });
        TelemetryDelivery = meter.CreateHistogram<double>("telemetry_delivery_seconds", "s", "Real time from a monitor's sample to its ward hub passing it on", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Seconds });
        TelemetryReadings = meter.CreateCounter<long>("telemetry_readings_published_total", "{reading}", "Monitor readings a silo pushed to ward telemetry hubs");
        TelemetryBatches = meter.CreateCounter<long>("telemetry_batches_published_total", "{batch}", "Telemetry batches a silo pushed to ward telemetry hubs");
        GrainCalls = meter.CreateCounter<long>("grain_calls_total", "{call}", "Grain calls this silo received, by grain interface (what a page or a job costs the silos)");
    }

    /// <summary>A titration decision's tag on titration_events_total.</summary>
    public static string Tag(Model.Titration.TitrationAction action) => action switch
    {
        Model.Titration.TitrationAction.Raise => "raise",
        Model.Titration.TitrationAction.Hold => "hold",
        Model.Titration.TitrationAction.Freeze => "freeze",
        Model.Titration.TitrationAction.Lower => "lower",
        _ => "restore",
    };

    public void AdmissionStarted() => Interlocked.Increment(ref _liveAdmissions);

    public void AdmissionEnded() => Interlocked.Decrement(ref _liveAdmissions);

    public void WardStarted() => Interlocked.Increment(ref _wardsRunning);

    public void WardEnded() => Interlocked.Decrement(ref _wardsRunning);

    /// <summary>A running ward activated again on this silo, with its occupied beds.</summary>
    public void WardRestored(int occupied)
    {
        WardStarted();
        Interlocked.Add(ref _liveAdmissions, occupied);
    }

    /// <summary>A running ward's activation left this silo (idle, moved), with its occupied beds.</summary>
    public void WardLeft(int occupied)
    {
        WardEnded();
        Interlocked.Add(ref _liveAdmissions, -occupied);
    }

    public Histogram<double> InfusionRate { get; }

    /// <summary>Writes of grain state that storage refused (the database down, a conflict), by grain kind.</summary>
    public Counter<long> StateWriteFailures { get; }

    public Counter<long> VitalsSamples { get; }

    public Counter<long> MonitorSamplesSkipped { get; }

    public Counter<long> Alarms { get; }

    public Counter<long> TitrationEvents { get; }

    public Counter<long> CohortAdmissions { get; }

    /// <summary>Real time a ward tick takes, in seconds (Prometheus base unit).</summary>
    public Histogram<double> TickDuration { get; }

    /// <summary>Sample instant to the hub passing the reading on, in seconds.</summary>
    public Histogram<double> TelemetryDelivery { get; }

    public Counter<long> TelemetryReadings { get; }

    public Counter<long> TelemetryBatches { get; }

    /// <summary>Grain calls received, by grain interface (a low, fixed set of names).</summary>
    public Counter<long> GrainCalls { get; }
}
