namespace WardTwin.Model.Parameters;

/// <summary>Ketamine and norketamine pharmacokinetics per 70 kg (model card section 2).</summary>
public sealed record PkParameters(
    double ClLPerH, double ClOmega,
    double VcL, double VcOmega,
    double Q1LPerH, double Vp1L, double Vp1Omega,
    double Q2LPerH, double Vp2L,
    double RClRatio, double FemaleClFactor,
    double ReferenceWeightKg, double ClearanceWeightExponent, double VolumeWeightExponent,
    double NorketamineFm, double NorketamineClLPerH, double NorketamineVL)
{
    internal static PkParameters Read(ParameterReader p) => new(
        p.Positive("pk.cl_l_per_h"), p["pk.cl_omega"],
        p.Positive("pk.vc_l"), p["pk.vc_omega"],
        p.Positive("pk.q1_l_per_h"), p.Positive("pk.vp1_l"), p["pk.vp1_omega"],
        p.Positive("pk.q2_l_per_h"), p.Positive("pk.vp2_l"),
        p.Positive("pk.r_cl_ratio"), p.Positive("pk.female_cl_factor"),
        p.Positive("pk.reference_weight_kg"), p["pk.clearance_weight_exponent"], p["pk.volume_weight_exponent"],
        p.Fraction("pk.norketamine_fm"), p.Positive("pk.norketamine_cl_l_per_h"), p.Positive("pk.norketamine_v_l"));
}
