namespace WardTwin.Grains;

/// <summary>
/// How a ward runs: beds, protocol, clock (time scale; +∞ = as fast as possible; <see cref="StartPaused"/>: the clock waits for a
/// resume), seed, arrivals, monitors, and for a training ward who decides from <see cref="TraineeFromH"/> on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WardConfig(
    [property: Id(0)] int Beds,
    [property: Id(1)] string ProtocolId,
    [property: Id(2)] double TimeScale,
    [property: Id(3)] long Seed,
    [property: Id(4)] double ArrivalsPerDay = 0,
    [property: Id(5)] double[]? ArrivalScheduleH = null,
    [property: Id(6)] double MonitorHz = 1,
    [property: Id(7)] double MaxSpeedStepH = 6,
    [property: Id(8)] bool AutoNurse = true,
    [property: Id(9)] IReadOnlyList<BedPatient>? Patients = null,
    [property: Id(10)] bool TraineeTitrates = false,
    [property: Id(11)] double TraineeFromH = 0,
    [property: Id(12)] bool TraineeCoMedicates = false,
    [property: Id(13)] bool StartPaused = false);

/// <summary>A scenario's patient for one bed: drawn from (seed, index) of the protocol's cohort, with overrides.</summary>
[GenerateSerializer, Immutable]
public sealed record BedPatient(
    [property: Id(0)] int Bed,
    [property: Id(1)] long Seed,
    [property: Id(2)] int Index,
    [property: Id(3)] AdmissionOverrides? Overrides = null);

/// <summary>Values that replace the drawn patient's (side-effect thresholds by name, ng/mL).</summary>
[GenerateSerializer, Immutable]
public sealed record AdmissionOverrides(
    [property: Id(0)] double? WeightKg = null,
    [property: Id(1)] double? BaselineNrs = null,
    [property: Id(2)] bool? AnalgesicResponder = null,
    [property: Id(3)] IReadOnlyDictionary<string, double>? SideEffectThresholdsNgPerMl = null,
    [property: Id(4)] double? RestingSpo2Percent = null);
