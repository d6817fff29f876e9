using WardTwin.Model.Data;

namespace WardTwin.Model.Parameters;

/// <summary>
/// Midazolam i.v. bolus pharmacokinetics per 70 kg, two compartments and an effect site. The papers give clearance,
/// the central and steady-state volumes and the elimination half-life; the intercompartmental clearance is the one
/// value that makes those four agree, solved once here.
/// </summary>
public sealed record MidazolamParameters(double ClLPerH, double V1L, double VssL, double HalfLifeH, double Ke0HalfLifeMin, double QLPerH)
{
    public double V2L => VssL - V1L;

    internal static MidazolamParameters Read(ParameterReader p, string path)
    {
        double cl = p.Positive("midazolam.cl_l_per_h"), v1 = p.Positive("midazolam.v1_l"), vss = p.Positive("midazolam.vss_l");
        double halfLife = p.Positive("midazolam.half_life_h"), ke0 = p.Positive("midazolam.ke0_half_life_min");
        if (vss <= v1)
        {
            throw new DataFileException(path, "parameters.midazolam.vss_l", $"the steady-state volume ({vss} L) must exceed the central volume ({v1} L)");
        }

        // With any intercompartmental clearance the terminal rate stays below CL/Vss; a shorter half-life cannot be met.
        double beta = Math.Log(2) / halfLife;
        if (beta >= cl / vss)
        {
            throw new DataFileException(path, "parameters.midazolam.half_life_h",
                $"{halfLife} h is shorter than two compartments with CL {cl} L/h and Vss {vss} L allow (more than {Math.Log(2) * vss / cl:0.##} h)");
        }

        double q = MathNet.Numerics.RootFinding.Brent.FindRoot(x => TerminalRate(cl, v1, vss - v1, x) - beta, 1e-6, 1e6, 1e-10, 200);
        return new MidazolamParameters(cl, v1, vss, halfLife, ke0, q);
    }

    /// <summary>The slower root of the two-compartment system (its elimination rate, per hour).</summary>
    internal static double TerminalRate(double cl, double v1, double v2, double q)
    {
        double k10 = cl / v1, k12 = q / v1, k21 = q / v2;
        double sum = k10 + k12 + k21;
        return (sum - Math.Sqrt((sum * sum) - (4 * k10 * k21))) / 2;
    }
}
