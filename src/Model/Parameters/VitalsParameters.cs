namespace WardTwin.Model.Parameters;

/// <summary>Vital-sign baselines, drug effects, noise, drift and artefacts (card section 5).</summary>
public sealed record VitalsParameters(
    double HrMean, double HrSd, double SbpMean, double SbpSd, double DbpMean, double DbpSd,
    double Spo2Min, double Spo2Max, double RrMean, double RrSd,
    double HrEmaxFraction, double MapEmaxFraction, double Ec50NgPerMl,
    double ClonidineHrFactor, double ClonidineMapFactor,
    double MidazolamSpo2Drop, double MidazolamSpo2H,
    double HrNoiseSd, double BpNoiseSd, double Spo2NoiseSd, double RrNoiseSd,
    double HrDriftSd, double BpDriftSd, double Spo2DriftSd, double DriftTauH,
    double ProbeOffPerH, double MotionPerH, double ArtefactDurationS,
    double ProbeOffSpo2Drop, double MotionHrFactor, double DbpShareOfBpVariation)
{
    internal static VitalsParameters Read(ParameterReader p) => new(
        p.Positive("vitals.hr_mean"), p["vitals.hr_sd"], p.Positive("vitals.sbp_mean"), p["vitals.sbp_sd"], p.Positive("vitals.dbp_mean"), p["vitals.dbp_sd"],
        p.Positive("vitals.spo2_min"), p.Positive("vitals.spo2_max"), p.Positive("vitals.rr_mean"), p["vitals.rr_sd"],
        p["vitals.hr_emax_fraction"], p["vitals.map_emax_fraction"], p.Positive("vitals.ec50_ng_per_ml"),
        p.Fraction("vitals.clonidine_hr_factor"), p.Fraction("vitals.clonidine_map_factor"),
        p["vitals.midazolam_spo2_drop"], p.Positive("vitals.midazolam_spo2_h"),
        p["vitals.hr_noise_sd"], p["vitals.bp_noise_sd"], p["vitals.spo2_noise_sd"], p["vitals.rr_noise_sd"],
        p["vitals.hr_drift_sd"], p["vitals.bp_drift_sd"], p["vitals.spo2_drift_sd"], p.Positive("vitals.drift_tau_h"),
        p["vitals.probe_off_per_h"], p["vitals.motion_per_h"], p.Positive("vitals.artefact_duration_s"),
        p["vitals.probe_off_spo2_drop"], p.Positive("vitals.motion_hr_factor"), p.Fraction("vitals.dbp_share_of_bp_variation"));
}
