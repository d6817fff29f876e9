namespace WardTwin.Grains;

/// <summary>Who to admit: the patient is drawn from (seed, index) of the protocol's cohort, as in a cohort run.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientAdmission(
    [property: Id(0)] string WardId,
    [property: Id(1)] int Bed,
    [property: Id(2)] string ProtocolId,
    [property: Id(3)] long Seed,
    [property: Id(4)] int PatientIndex,
    [property: Id(5)] double AdmittedAtH,
    [property: Id(6)] double MonitorHz,
    [property: Id(7)] bool AutoNurse,
    [property: Id(8)] AdmissionOverrides? Overrides = null,
    [property: Id(9)] bool TraineeTitrates = false,
    [property: Id(10)] double TraineeFromWardH = 0,
    [property: Id(11)] bool TraineeCoMedicates = false);

/// <summary>What a patient grain reports after advancing.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientTick(
    [property: Id(0)] bool TreatmentEnded,
    [property: Id(2)] int? LastNrs,
    [property: Id(3)] double DeliveredRateMgPerH,
    [property: Id(4)] VitalsReading Vitals,
    [property: Id(5)] double HoursSinceAdmission);
