using WardTwin.Model.Pd;
using WardTwin.Model.Pk;

namespace WardTwin.Model.Simulation;

/// <summary>
/// One virtual patient: covariates, individual PK/PD constants and personal thresholds, all drawn from its seed.
/// BaselineNrs is the true current pain before treatment (continuous, 0..10); reported scores round it.
/// BaselineMeasure is the pain measure the cohort's baseline was published in.
/// RestingSpo2OnAirPercent: a scenario's patient with lungs of their own (COPD, obesity): the live physiology solves their
/// A-a gradient from this resting saturation instead of the parameter file's; null for a drawn patient.
/// </summary>
public sealed record VirtualPatient(
    int Index,
    long Seed,
    bool Female,
    double AgeYears,
    double WeightKg,
    double BaselineNrs,
    double DiseaseDurationYears,
    PatientPk Pk,
    double Ke0SlowPerH,
    double Ke0FastPerH,
    double C50NgPerMl,
    bool AnalgesicResponder,
    bool PlaceboResponder,
    double[] SideEffectThresholdsNgPerMl,
    VitalsBaseline Vitals,
    PainMeasure BaselineMeasure = PainMeasure.Current,
    double? RestingSpo2OnAirPercent = null);

/// <summary>A patient's resting vital signs.</summary>
public sealed record VitalsBaseline(double HrPerMin, double SbpMmHg, double DbpMmHg, double Spo2Percent, double RrPerMin);
