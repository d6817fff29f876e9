namespace WardTwin.Model.Parameters;

/// <summary>Chronic pain model: slow effect compartment, responder mixture, placebo, reporting (card section 3).</summary>
public sealed record PainParameters(
    double RPotency,
    double Ke0HalfLifeDays, double Ke0Omega,
    double ResponderPKetamine, double ResponderPPlacebo,
    double C50NgPerMl, double C50Omega, double Emax, double Gamma,
    double PlaceboPmax, double PlaceboTauDays,
    double ReportNoiseSd, double NoticeDropPoints)
{
    internal static PainParameters Read(ParameterReader p) => new(
        p["pain.r_potency"],
        p.Positive("pain.ke0_half_life_days"), p["pain.ke0_omega"],
        p.Fraction("pain.responder_p_ketamine"), p.Fraction("pain.responder_p_placebo"),
        p.Positive("pain.c50_ng_per_ml"), p["pain.c50_omega"], p.Fraction("pain.emax"), p.Positive("pain.gamma"),
        p.Fraction("pain.placebo_pmax"), p.Positive("pain.placebo_tau_days"),
        p["pain.report_noise_sd"], p.Positive("pain.notice_drop_points"));
}
