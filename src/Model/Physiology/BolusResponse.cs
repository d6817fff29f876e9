using MathNet.Numerics.LinearAlgebra;

namespace WardTwin.Model.Physiology;

/// <summary>
/// What 1 mg given as an i.v. bolus leaves in plasma and at the effect site over time, for a linear compartment
/// model: sums of exponentials from the eigen-decomposition of its rate matrix (MathNet), so a dose history is
/// evaluated exactly at any instant by superposition.
/// </summary>
public sealed class BolusResponse
{
    private readonly double[] _rates;
    private readonly double[] _plasma;
    private readonly double[] _effect;

    /// <param name="ratesPerH">d(state)/dt = ratesPerH · state; the states are amounts in mg except the effect site, a concentration in mg/L.</param>
    /// <param name="plasmaVolumeL">The central compartment's volume (state 0 is its amount).</param>
    /// <param name="effectIndex">Which state is the effect-site concentration.</param>
    public BolusResponse(double[,] ratesPerH, double plasmaVolumeL, int effectIndex)
    {
        var a = Matrix<double>.Build.DenseOfArray(ratesPerH);
        var evd = a.Evd();
        var vectors = evd.EigenVectors;
        var start = Vector<double>.Build.Dense(a.RowCount);
        start[0] = 1;
        var weights = vectors.Solve(start);
        int n = a.RowCount;
        _rates = new double[n];
        _plasma = new double[n];
        _effect = new double[n];
        for (int i = 0; i < n; i++)
        {
            _rates[i] = evd.EigenValues[i].Real;

            // mg/L is µg/mL; the ward reads ng/mL.
            _plasma[i] = vectors[0, i] * weights[i] / plasmaVolumeL * 1000;
            _effect[i] = vectors[effectIndex, i] * weights[i] * 1000;
        }
    }

    /// <summary>Plasma concentration (ng/mL) per mg given <paramref name="sinceH"/> hours ago.</summary>
    public double PlasmaNgPerMlPerMg(double sinceH) => Sum(_plasma, sinceH);

    /// <summary>Effect-site concentration (ng/mL) per mg given <paramref name="sinceH"/> hours ago.</summary>
    public double EffectNgPerMlPerMg(double sinceH) => Sum(_effect, sinceH);

    /// <summary>Effect-site concentration of every dose given up to <paramref name="timeH"/> (superposition; a linear model).</summary>
    public double EffectNgPerMl(DoseHistory doses, double timeH) => Superpose(_effect, doses, timeH);

    public double PlasmaNgPerMl(DoseHistory doses, double timeH) => Superpose(_plasma, doses, timeH);

    private double Superpose(double[] coefficients, DoseHistory doses, double timeH)
    {
        double c = 0;
        for (int d = 0; d < doses.Count; d++)
        {
            double since = timeH - doses.TimesH[d];
            if (since >= 0)
            {
                c += doses.Mg[d] * Sum(coefficients, since);
            }
        }

        return Math.Max(c, 0);
    }

    private double Sum(double[] coefficients, double sinceH)
    {
        if (sinceH < 0)
        {
            return 0;
        }

        double c = 0;
        for (int i = 0; i < coefficients.Length; i++)
        {
            c += coefficients[i] * Math.Exp(_rates[i] * sinceH);
        }

        return c;
    }
}
