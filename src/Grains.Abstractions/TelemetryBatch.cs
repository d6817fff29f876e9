namespace WardTwin.Grains;

/// <summary>
/// One push of a ward's telemetry: every reading and alarm-board change its monitors produced in the last
/// few milliseconds on one silo, and, while someone watches the ward's details, what its patients and the
/// ward itself showed after their last move. Readings carry the wall-clock instant they were sampled and a
/// per-monitor sequence number, so a subscriber measures latency from the sample itself and counts gaps as dropped.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryBatch(
    [property: Id(0)] string WardId,
    [property: Id(1)] MonitorReading[] Readings,
    [property: Id(2)] AlarmBoardChange[] Alarms,
    [property: Id(3)] long SentUnixMs,
    [property: Id(4)] BedUpdate[]? Beds = null,
    [property: Id(5)] WardStatus? Ward = null)
{
    /// <summary>The readings and alarms only, for a subscriber that asked for no details (the load generator).</summary>
    public TelemetryBatch WithoutDetails() => Beds is null && Ward is null ? this : this with { Beds = null, Ward = null };
}

/// <summary>
/// A patient after its ward moved it (or a hand changed its pump): what the bedside shows (state, pump) and one
/// point of its charts at that moment, so a page draws charts from deltas instead of asking for the whole course.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BedUpdate(
    [property: Id(0)] int Patient,
    [property: Id(1)] string AdmissionId,
    [property: Id(2)] PatientStateNow State,
    [property: Id(3)] PumpView Pump,
    [property: Id(4)] PatientHistoryPoint Point);

/// <summary>A monitor's reading: its patient's number on the ward, sequence number, simulation hour, sample instant (Unix ms), values, artefact (0 none, 1 probe off, 2 motion).</summary>
[GenerateSerializer, Immutable]
public sealed record MonitorReading(
    [property: Id(0)] int Patient,
    [property: Id(1)] long Sequence,
    [property: Id(2)] double SimTimeH,
    [property: Id(3)] long SampledUnixMs,
    [property: Id(4)] float HrPerMin,
    [property: Id(5)] float SbpMmHg,
    [property: Id(6)] float DbpMmHg,
    [property: Id(7)] float Spo2Percent,
    [property: Id(8)] float RrPerMin,
    [property: Id(9)] byte Artefact);

/// <summary>
/// A monitor's alarm board after it changed (raised, escalated, ended, acknowledged): the whole board, the
/// kinds newly raised, and the sample instant of the reading that raised them (the condition's onset as the
/// monitor saw it; 0 when nothing was raised).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmBoardChange(
    [property: Id(0)] int Patient,
    [property: Id(1)] AlarmView[] Board,
    [property: Id(2)] string[] Raised,
    [property: Id(3)] long OnsetUnixMs,
    [property: Id(4)] long ChangedUnixMs);
