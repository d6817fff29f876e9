namespace WardTwin.Model.Economics;

/// <summary>
/// The slow reference for <see cref="Evppi"/>: two-level Monte Carlo. For each of `outer` draws of the group φ,
/// the conditional mean net benefit of every option over `inner` draws of the rest ψ; EVPPI = mean over φ of
/// the best conditional mean minus the conditional mean of the option that is best on average. φ and ψ are
/// drawn independently (a check for models with independent groups, not for correlated inputs). Its own error:
/// the standard error of the outer average (reported), plus an upward bias of order 1/inner from taking the
/// maximum of noisy inner means (not reported; keep inner large near decision boundaries). Seeded.
/// </summary>
public static class NestedEvppi
{
    public static NestedEvppiResult MonteCarlo(
        Func<double[], double[], double[]> netBenefit, Func<Random, double[]> samplePhi, Func<Random, double[]> samplePsi, int outer, int inner, int seed)
    {
        ArgumentNullException.ThrowIfNull(netBenefit);
        ArgumentNullException.ThrowIfNull(samplePhi);
        ArgumentNullException.ThrowIfNull(samplePsi);
        if (outer < 2 || inner < 1)
        {
            throw new ArgumentException($"{outer} outer and {inner} inner draws: give at least 2 and 1");
        }

        var random = new Random(seed);
        var conditional = new double[outer][];
        for (int i = 0; i < outer; i++)
        {
            var phi = samplePhi(random);
            double[]? sum = null;
            for (int j = 0; j < inner; j++)
            {
                var nb = netBenefit(phi, samplePsi(random));
                sum ??= new double[nb.Length];
                for (int d = 0; d < nb.Length; d++)
                {
                    sum[d] += nb[d] / inner;
                }
            }

            conditional[i] = sum!;
        }

        int options = conditional[0].Length;
        var overall = Enumerable.Range(0, options).Select(d => conditional.Average(c => c[d])).ToArray();
        int best = Array.IndexOf(overall, overall.Max());
        var gain = conditional.Select(c => c.Max() - c[best]).ToArray();
        double mean = gain.Average();
        double sd = Math.Sqrt(gain.Sum(g => (g - mean) * (g - mean)) / (outer - 1));
        return new NestedEvppiResult(mean, sd / Math.Sqrt(outer), outer, inner);
    }
}
