namespace WardTwin.Model.Economics;

/// <summary>
/// One parameter's columns in the EVPPI smoother: a natural cubic spline (linear beyond the end knots, so it
/// does not swing at the edges of the sample) in the truncated-power form of Hastie, Tibshirani &amp; Friedman
/// (ESL 2nd ed., eq. 5.4–5.5) on the standardised parameter, with knots at evenly spaced quantiles including
/// the minimum and maximum (mgcv's "cr" placement). The first column is the linear term, left unpenalised; the
/// others carry the roughness penalty ∫ f''(z)² dz, computed exactly.
/// </summary>
internal sealed class NaturalSplineTerm
{
    private readonly double _mean;
    private readonly double _sd;
    private readonly double[] _knots;

    private NaturalSplineTerm(int parameter, double mean, double sd, double[] knots)
    {
        Parameter = parameter;
        _mean = mean;
        _sd = sd;
        _knots = knots;
    }

    /// <summary>Index of the parameter within the group.</summary>
    public int Parameter { get; }

    /// <summary>1 (linear only, when fewer than 3 distinct knots) or knots − 1.</summary>
    public int Columns => _knots.Length < 3 ? 1 : _knots.Length - 1;

    /// <summary>The term for one parameter's draws, or null when it does not vary (it cannot explain anything).</summary>
    public static NaturalSplineTerm? Create(int parameter, double[] values, int knots)
    {
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        // Relative test: a column that varies only in its last bits is constant for regression purposes.
        if (!(sd > 1e-12 * Math.Max(1, Math.Abs(mean))))
        {
            return null;
        }

        var z = values.Select(v => (v - mean) / sd).Order().ToArray();
        var distinct = new List<double>(knots);
        for (int k = 0; k < knots; k++)
        {
            double q = Quantile(z, (double)k / (knots - 1));
            // Discrete parameters give repeated quantiles; a knot must be strictly right of the last.
            if (distinct.Count == 0 || q > distinct[^1] + 1e-6)
            {
                distinct.Add(q);
            }
        }

        return new NaturalSplineTerm(parameter, mean, sd, distinct.ToArray());
    }

    /// <summary>Writes this term's columns for one value of the parameter.</summary>
    public void Fill(double value, Span<double> row)
    {
        double z = (value - _mean) / _sd;
        row[0] = z;
        int last = _knots.Length - 2;
        for (int k = 0; k < Columns - 1; k++)
        {
            row[1 + k] = D(z, k) - D(z, last);
        }
    }

    /// <summary>
    /// The penalty ∫ f'' f'' dz between this term's columns (row and column 0, the linear term, are zero).
    /// Second derivatives are piecewise linear between knots and zero outside them, so Simpson's rule on
    /// each knot interval is exact.
    /// </summary>
    public double[,] Penalty()
    {
        var s = new double[Columns, Columns];
        for (int i = 0; i + 1 < _knots.Length; i++)
        {
            double a = _knots[i], b = _knots[i + 1], h = b - a;
            double[] at = [a, (a + b) / 2, b];
            double[] weight = [h / 6, 4 * h / 6, h / 6];
            for (int p = 0; p < 3; p++)
            {
                for (int r = 1; r < Columns; r++)
                {
                    for (int c = 1; c < Columns; c++)
                    {
                        s[r, c] += weight[p] * SecondDerivative(at[p], r - 1) * SecondDerivative(at[p], c - 1);
                    }
                }
            }
        }

        return s;
    }

    private double D(double z, int k)
    {
        double end = _knots[^1];
        return (Cube(z - _knots[k]) - Cube(z - end)) / (end - _knots[k]);
    }

    /// <summary>N_k'' inside the knot range: d_k'' − d_last'', with d_k''(z) = 6 (z − ξ_k)₊ / (ξ_end − ξ_k).</summary>
    private double SecondDerivative(double z, int k)
    {
        double end = _knots[^1];
        int last = _knots.Length - 2;
        double Dk(int j) => 6 * Math.Max(0, z - _knots[j]) / (end - _knots[j]);
        return Dk(k) - Dk(last);
    }

    private static double Cube(double x) => x > 0 ? x * x * x : 0;

    private static double Quantile(double[] sorted, double p)
    {
        double at = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(at);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((at - lo) * (sorted[hi] - sorted[lo]));
    }
}
