using System.Globalization;
using MathNet.Numerics.Distributions;

namespace WardTwin.Model.Cohorts;

/// <summary>
/// The latent normal behind a published whole-number score (model card section 1). Patients report
/// round(x) clipped to the scale, and rounding and the ceiling pull a sampled mean down (Goldberg 2010:
/// 7 of 16 at 10), so the latent mean and SD are solved such that the reported scores have the published
/// mean and SD, or the published median and IQR (quantiles of the scores grouped in unit bins).
/// </summary>
public static class LatentScore
{
    private const double Tolerance = 1e-9;

    public static (double Mu, double Sigma) Fit(Distribution published)
    {
        int lo = (int)Math.Round(published.Min ?? 0), hi = (int)Math.Round(published.Max ?? 10);
        if (hi - lo < 2)
        {
            throw new ArgumentException($"the scale {lo}..{hi} is too short to carry a distribution");
        }

        (double A, double B) target;
        Func<double, double, (double, double)> reported;
        if (published.Mean is { } mean)
        {
            target = (mean, published.Sd!.Value);
            reported = (mu, sigma) => Moments(mu, sigma, lo, hi);
        }
        else
        {
            target = (published.Median!.Value, published.Iqr!.Value);
            reported = (mu, sigma) =>
            {
                var p = Pmf(mu, sigma, lo, hi);
                return (GroupedQuantile(p, lo, 0.5), GroupedQuantile(p, lo, 0.75) - GroupedQuantile(p, lo, 0.25));
            };
        }

        if (target.A <= lo || target.A >= hi || target.B <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"a published centre {target.A} and spread {target.B} cannot come from whole-number scores on {lo}..{hi} (centre strictly inside, spread > 0)"));
        }

        return Solve(reported, target, lo, hi);
    }

    /// <summary>Probability of each reported score lo..hi when the latent score is N(mu, sigma).</summary>
    public static double[] Pmf(double mu, double sigma, int lo, int hi)
    {
        var p = new double[hi - lo + 1];
        double below = 0;
        for (int k = lo; k < hi; k++)
        {
            double upTo = Normal.CDF(mu, sigma, k + 0.5);
            p[k - lo] = upTo - below;
            below = upTo;
        }

        p[^1] = 1 - below;
        return p;
    }

    public static (double Mean, double Sd) Moments(double mu, double sigma, int lo, int hi)
    {
        var p = Pmf(mu, sigma, lo, hi);
        double m = 0, m2 = 0;
        for (int i = 0; i < p.Length; i++)
        {
            m += p[i] * (lo + i);
            m2 += p[i] * (lo + i) * (lo + i);
        }

        return (m, Math.Sqrt(Math.Max(m2 - (m * m), 0)));
    }

    /// <summary>The q-quantile of whole-number scores spread evenly over their unit bins.</summary>
    public static double GroupedQuantile(double[] pmf, int lo, double q)
    {
        double below = 0;
        for (int i = 0; i < pmf.Length; i++)
        {
            if (below + pmf[i] >= q && pmf[i] > 0)
            {
                return lo + i - 0.5 + ((q - below) / pmf[i]);
            }

            below += pmf[i];
        }

        return lo + pmf.Length - 0.5;
    }

    /// <summary>Damped Newton on (mu, log sigma), starting from the published figures themselves.</summary>
    private static (double Mu, double Sigma) Solve(Func<double, double, (double, double)> f, (double A, double B) target, int lo, int hi)
    {
        double mu = target.A, logSigma = Math.Log(target.B);
        double Norm((double A, double B) r) => Math.Sqrt((r.A * r.A) + (r.B * r.B));
        (double A, double B) Residual(double m, double ls)
        {
            var (a, b) = f(m, Math.Exp(ls));
            return (a - target.A, b - target.B);
        }

        var r = Residual(mu, logSigma);
        for (int iteration = 0; iteration < 200 && Norm(r) > Tolerance; iteration++)
        {
            const double h = 1e-6;
            var (am, bm) = Residual(mu + h, logSigma);
            var (as_, bs) = Residual(mu, logSigma + h);
            double j11 = (am - r.A) / h, j21 = (bm - r.B) / h, j12 = (as_ - r.A) / h, j22 = (bs - r.B) / h;
            double det = (j11 * j22) - (j12 * j21);
            if (Math.Abs(det) < 1e-14)
            {
                break;
            }

            double dMu = ((j22 * r.A) - (j12 * r.B)) / det;
            double dLs = ((j11 * r.B) - (j21 * r.A)) / det;
            double step = 1;
            var next = r;
            while (step > 1e-6)
            {
                next = Residual(mu - (step * dMu), logSigma - (step * dLs));
                if (Norm(next) < Norm(r))
                {
                    break;
                }

                step /= 2;
            }

            if (Norm(next) >= Norm(r))
            {
                break;
            }

            mu -= step * dMu;
            logSigma -= step * dLs;
            r = next;
        }

        if (Norm(r) > 1e-6 || Math.Abs(mu) > 10 * (hi - lo + 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"no latent normal gives whole-number scores on {lo}..{hi} with centre {target.A} and spread {target.B} (closest misses by {Norm(r):0.###})"));
        }

        return (mu, Math.Exp(logSigma));
    }
}
