using MathNet.Numerics.LinearAlgebra;

namespace WardTwin.Model.Economics;

/// <summary>
/// Penalised least squares on an <see cref="AdditiveSplineBasis"/>: β = (XᵀX + εD + λS)⁻¹ Xᵀy, with λ chosen
/// by generalised cross-validation, GCV(λ) = n·RSS / (n − tr H)², over a log grid. The Demmler–Reinsch
/// decomposition is done once per group (XᵀX + εD = LLᵀ, L⁻¹SL⁻ᵀ = U diag(d) Uᵀ, F = X L⁻ᵀ U), so every
/// response and every λ costs O(columns²): fitted = F (w ⊘ (1 + λd)) with w = Fᵀy. εD (ε = 1e-9 times XᵀX's
/// diagonal) only keeps collinear parameters (a duplicated column) from making the system singular.
/// </summary>
internal sealed class PenalisedSmoother
{
    private const double Ridge = 1e-9;
    private readonly Matrix<double> _x;
    private readonly Matrix<double> _penalty;
    private readonly Matrix<double> _ridge;
    private readonly Matrix<double> _f;
    private readonly Matrix<double> _gram;
    private readonly double[] _d;
    private readonly double[] _lambdas;
    private readonly double[][] _rows;

    public PenalisedSmoother(AdditiveSplineBasis basis)
    {
        _x = basis.Design;
        _rows = _x.ToRowArrays();
        _penalty = basis.Penalty;
        var xtx = _x.TransposeThisAndMultiply(_x);
        _ridge = Matrix<double>.Build.DiagonalOfDiagonalVector(xtx.Diagonal() * Ridge);
        var lInverse = (xtx + _ridge).Cholesky().Factor.Inverse();
        var b = lInverse * _penalty * lInverse.Transpose();
        var evd = ((b + b.Transpose()) / 2).Evd(Symmetricity.Symmetric);
        _d = evd.EigenValues.Select(e => Math.Max(0, e.Real)).ToArray();
        _f = _x * (lInverse.Transpose() * evd.EigenVectors);
        _gram = _f.TransposeThisAndMultiply(_f);
        _lambdas = Grid(_d);
    }

    /// <summary>The fit of one response (a cost, effect or net-benefit increment) at the λ GCV prefers.</summary>
    public SmoothFit Fit(double[] y)
    {
        var yv = Vector<double>.Build.Dense(y);
        var w = _f.TransposeThisAndMultiply(yv);
        double yy = yv.DotProduct(yv);
        int n = y.Length;
        double best = double.PositiveInfinity, bestLambda = 0, bestDf = 0;
        foreach (double lambda in _lambdas)
        {
            var s = Shrink(w, lambda);
            double rss = Math.Max(0, yy - (2 * s.DotProduct(w)) + s.DotProduct(_gram * s));
            double df = Enumerable.Range(0, _d.Length).Sum(i => _gram[i, i] / (1 + (lambda * _d[i])));
            double gcv = n * rss / ((n - df) * (n - df));
            if (n - df > 0 && gcv < best)
            {
                (best, bestLambda, bestDf) = (gcv, lambda, df);
            }
        }

        return new SmoothFit((_f * Shrink(w, bestLambda)).ToArray(), bestLambda, bestDf);
    }

    /// <summary>
    /// Refits a response on a bootstrap resample (draw i counted counts[i] times) at a λ held from the full
    /// fit, and returns the fitted values at every draw. XᵀWX is summed by hand over the resampled rows, upper
    /// triangle only, skipping zeros (a third of the draws are not resampled and truncated cubics are often
    /// zero): it is most of an EVPPI's cost.
    /// </summary>
    public Func<double[], double, double[]> Resampled(int[] counts)
    {
        int n = counts.Length, q = _x.ColumnCount;
        var xtwx = new double[q * q];
        for (int i = 0; i < n; i++)
        {
            var row = _rows[i];
            for (int a = 0; a < q && counts[i] > 0; a++)
            {
                double ca = counts[i] * row[a];
                if (ca != 0)
                {
                    for (int b = a; b < q; b++)
                    {
                        xtwx[(a * q) + b] += ca * row[b];
                    }
                }
            }
        }

        var system = Matrix<double>.Build.Dense(q, q, (r, c) => xtwx[(Math.Min(r, c) * q) + Math.Max(r, c)]) + _ridge;
        var factors = new Dictionary<double, MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>>();
        return (y, lambda) =>
        {
            if (!factors.TryGetValue(lambda, out var chol))
            {
                chol = (system + (_penalty * lambda)).Cholesky();
                factors[lambda] = chol;
            }

            var xtwy = new double[q];
            for (int i = 0; i < n; i++)
            {
                double cy = counts[i] * y[i];
                for (int a = 0; a < q && cy != 0; a++)
                {
                    xtwy[a] += cy * _rows[i][a];
                }
            }

            var beta = chol.Solve(Vector<double>.Build.Dense(xtwy));
            return (_x * beta).ToArray();
        };
    }

    private Vector<double> Shrink(Vector<double> w, double lambda) =>
        Vector<double>.Build.Dense(w.Count, i => w[i] / (1 + (lambda * _d[i])));

    /// <summary>
    /// From almost no smoothing (λ·max d = 0.001) to the additive linear model (λ·min positive d = 1,000),
    /// half a decade apart; a single λ = 0 when nothing is penalised (every parameter linear only).
    /// </summary>
    private static double[] Grid(double[] d)
    {
        double max = d.Max();
        if (!(max > 0))
        {
            return [0];
        }

        double minPositive = d.Where(v => v > max * 1e-12).Min();
        double from = Math.Log10(1e-3 / max), to = Math.Min(Math.Log10(1e3 / minPositive), from + 16);
        int steps = (int)Math.Ceiling((to - from) / 0.5);
        return Enumerable.Range(0, steps + 1).Select(k => Math.Pow(10, from + (k * (to - from) / steps))).ToArray();
    }
}
