namespace WardTwin.Model.Parameters;

/// <summary>
/// Ventilatory drive (midazolam's and ketamine's depression of it), the alveolar gas equation, the Severinghaus
/// oxygen dissociation curve, the lag of SpO2 behind ventilation, and oxygen by nasal cannula.
/// </summary>
public sealed record BreathingParameters(
    double MidazolamDriveEmax, double MidazolamDriveC50NgPerMl, double MidazolamDriveGamma,
    double KetamineDriveEmax, double KetamineDriveC50NgPerMl, double RrShareOfDrive,
    double BarometricMmHg, double WaterVapourMmHg, double RespiratoryQuotient, double PaCo2MmHg, double AaGradientMmHg,
    double OdcA, double OdcB, double Spo2LagMin,
    double Fio2RoomAir, double Fio2PerLPerMin, double OxygenMaxLPerMin)
{
    internal static BreathingParameters Read(ParameterReader p) => new(
        p.Fraction("breathing.midazolam_drive_emax"), p.Positive("breathing.midazolam_drive_c50_ng_per_ml"), p.Positive("breathing.midazolam_drive_gamma"),
        p.Fraction("breathing.ketamine_drive_emax"), p.Positive("breathing.ketamine_drive_c50_ng_per_ml"), p.Fraction("breathing.rr_share_of_drive"),
        p.Positive("breathing.barometric_mm_hg"), p.Positive("breathing.water_vapour_mm_hg"), p.Positive("breathing.respiratory_quotient"),
        p.Positive("breathing.paco2_mm_hg"), p["breathing.aa_gradient_mm_hg"],
        p.Positive("breathing.odc_a"), p.Positive("breathing.odc_b"), p.Positive("breathing.spo2_lag_min"),
        p.Fraction("oxygen.fio2_room_air"), p.Positive("oxygen.fio2_per_l_per_min"), p.Positive("oxygen.max_l_per_min"));
}
