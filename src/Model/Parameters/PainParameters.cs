using WardTwin.Model.Pd;

namespace WardTwin.Model.Parameters;

/// <summary>Chronic pain model: slow effect compartment, responder mixture, placebo, reporting, pain measures (card section 3).</summary>
public sealed record PainParameters(
    double RPotency,
    double Ke0HalfLifeDays, double Ke0Omega,
    double ResponderPKetamine, double ResponderPPlacebo,
    double C50NgPerMl, double C50Omega, double Emax, double Gamma,
    double PlaceboPmax, double PlaceboTauDays,
    double ReportNoiseSd, double NoticeDropPoints,
    double Worst24hOffsetPoints)
{
    /// <summary>Points a score in <paramref name="measure"/> sits above current pain, before noise and rounding.</summary>
    public double Offset(PainMeasure measure) => measure == PainMeasure.Worst24h ? Worst24hOffsetPoints : 0;

    internal static PainParameters Read(ParameterReader p) => new(
        p["pain.r_potency"],
        p.Positive("pain.ke0_half_life_days"), p["pain.ke0_omega"],
        p.Fraction("pain.responder_p_ketamine"), p.Fraction("pain.responder_p_placebo"),
        p.Positive("pain.c50_ng_per_ml"), p["pain.c50_omega"], p.Fraction("pain.emax"), p.Positive("pain.gamma"),
        p.Fraction("pain.placebo_pmax"), p.Positive("pain.placebo_tau_days"),
        p["pain.report_noise_sd"], p.Positive("pain.notice_drop_points"),
        p["pain.worst_24h_offset_points"]);
}
