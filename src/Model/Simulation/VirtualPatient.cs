using WardTwin.Model.Pk;

namespace WardTwin.Model.Simulation;

/// <summary>One virtual patient: covariates, individual PK/PD constants and personal thresholds, all drawn from its seed.</summary>
public sealed record VirtualPatient(
    int Index,
    long Seed,
    bool Female,
    double AgeYears,
    double WeightKg,
    int BaselineNrs,
    double DiseaseDurationYears,
    PatientPk Pk,
    double Ke0SlowPerH,
    double Ke0FastPerH,
    double C50NgPerMl,
    bool AnalgesicResponder,
    bool PlaceboResponder,
    double[] SideEffectThresholdsNgPerMl,
    VitalsBaseline Vitals);

/// <summary>A patient's resting vital signs.</summary>
public sealed record VitalsBaseline(double HrPerMin, double SbpMmHg, double DbpMmHg, double Spo2Percent, double RrPerMin);
