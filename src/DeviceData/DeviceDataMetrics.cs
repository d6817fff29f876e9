using System.Diagnostics.Metrics;
using WardTwin.DeviceData.Mllp;
using WardTwin.Grains;

namespace WardTwin.DeviceData;

/// <summary>
/// The device-data outputs' instruments on WardTwin's meter, scraped as wardtwin_hl7_* and wardtwin_fhir_*. Tags are
/// a message kind, an ACK code, a reason or an outcome (a short fixed set), never a device, bed or ward.
/// </summary>
public sealed class DeviceDataMetrics : IDeliveryObserver
{
    private readonly Counter<long> _hl7Sent;
    private readonly Counter<long> _hl7Acks;
    private readonly Counter<long> _hl7Retries;
    private readonly Counter<long> _hl7Dropped;
    private readonly Histogram<double> _hl7Ack;
    private readonly Counter<long> _fhirBundles;
    private readonly Counter<long> _fhirEntries;
    private readonly Counter<long> _fhirRetries;
    private readonly Counter<long> _fhirDropped;
    private readonly Histogram<double> _fhirRequest;
    private long _acked;
    private long _dropped;
    private long _retried;
    private long _errored;
    private long _built;

    public DeviceDataMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MetricBuckets.MeterName);
        _hl7Sent = meter.CreateCounter<long>("hl7_messages_sent_total", "{message}", "HL7 messages built and queued for the MLLP receiver, by kind (pcd01, pcd04)");
        _hl7Acks = meter.CreateCounter<long>("hl7_acks_total", "{ack}", "ACKs read from the MLLP receiver, by MSA-1 code (AA, AE, AR, CA, CE, CR)");
        _hl7Retries = meter.CreateCounter<long>("hl7_retries_total", "{attempt}", "HL7 messages sent again, by reason (rejected, ack_timeout, connection_lost, connect_failed, ...)");
        _hl7Dropped = meter.CreateCounter<long>("hl7_dropped_total", "{message}", "HL7 messages given up, by reason (queue_full: the oldest of a full queue; attempts_*: out of tries)");
        _hl7Ack = meter.CreateHistogram<double>("hl7_ack_seconds", "s", "Time from writing an HL7 frame to reading its accepting ACK", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Seconds });
        meter.CreateObservableGauge("hl7_backlog_messages", () => Hl7State?.Invoke().Backlog ?? 0, "{message}", "HL7 messages queued for the MLLP receiver now");
        meter.CreateObservableGauge("hl7_backlog_capacity_messages", () => Hl7State?.Invoke().Capacity ?? 0, "{message}", "The most HL7 messages the queues hold before the oldest are dropped");
        meter.CreateObservableGauge("hl7_connections", () => Hl7State?.Invoke().Connections ?? 0, "{connection}", "MLLP connections (one per device, or the gateway's)");
        meter.CreateObservableGauge("hl7_connections_failing", () => Hl7State?.Invoke().Unhealthy ?? 0, "{connection}", "MLLP connections whose last attempt failed (receiver down, refusing or too slow)");
        _fhirBundles = meter.CreateCounter<long>("fhir_bundles_total", "{bundle}", "FHIR Bundles posted, by outcome (ok, client_error, gave_up)");
        _fhirEntries = meter.CreateCounter<long>("fhir_entries_total", "{entry}", "FHIR Bundle entries the server accepted");
        _fhirRetries = meter.CreateCounter<long>("fhir_retries_total", "{request}", "FHIR requests sent again, by reason (429, 5xx, timeout, connection)");
        _fhirDropped = meter.CreateCounter<long>("fhir_dropped_total", "{entry}", "FHIR entries given up, by reason (queue_full, client_error, attempts)");
        _fhirRequest = meter.CreateHistogram<double>("fhir_request_seconds", "s", "Time a FHIR server took to answer a Bundle", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Seconds });
        meter.CreateObservableGauge("fhir_backlog_entries", () => FhirBacklog?.Invoke() ?? 0, "{entry}", "FHIR entries waiting to be posted");
    }

    /// <summary>Read at each scrape: the HL7 sender's queues and connections.</summary>
    public Func<SenderState>? Hl7State { get; set; }

    public Func<long>? FhirBacklog { get; set; }

    /// <summary>Totals since start (for the feed's periodic report line).</summary>
    public (long Acked, long Errored, long Retried, long Dropped) Hl7Totals =>
        (Interlocked.Read(ref _acked), Interlocked.Read(ref _errored), Interlocked.Read(ref _retried), Interlocked.Read(ref _dropped));

    /// <summary>HL7 messages built and handed to the sender since start.</summary>
    public long Hl7Built => Interlocked.Read(ref _built);

    public void Hl7Queued(string kind)
    {
        Interlocked.Increment(ref _built);
        _hl7Sent.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Acked(OutboundMessage message, TimeSpan latency)
    {
        Interlocked.Increment(ref _acked);
        _hl7Acks.Add(1, new KeyValuePair<string, object?>("code", "AA"));
        _hl7Ack.Record(latency.TotalSeconds);
    }

    public void Errored(OutboundMessage message, string code, string? text)
    {
        Interlocked.Increment(ref _errored);
        _hl7Acks.Add(1, new KeyValuePair<string, object?>("code", code is "AE" or "CE" ? code : "other"));
    }

    public void Retried(OutboundMessage message, string reason)
    {
        Interlocked.Increment(ref _retried);
        if (reason == "rejected")
        {
            _hl7Acks.Add(1, new KeyValuePair<string, object?>("code", "AR"));
        }

        _hl7Retries.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Dropped(OutboundMessage message, string reason)
    {
        Interlocked.Increment(ref _dropped);
        if (reason == "attempts_rejected")
        {
            _hl7Acks.Add(1, new KeyValuePair<string, object?>("code", "AR"));
        }

        _hl7Dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void FhirBundle(string outcome, int entries, TimeSpan took)
    {
        _fhirBundles.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "ok")
        {
            _fhirEntries.Add(entries);
        }

        _fhirRequest.Record(took.TotalSeconds);
    }

    public void FhirRetried(string reason) => _fhirRetries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void FhirDropped(string reason, int entries) => _fhirDropped.Add(entries, new KeyValuePair<string, object?>("reason", reason));
}
