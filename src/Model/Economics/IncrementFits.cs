using MathNet.Numerics.Statistics;

namespace WardTwin.Model.Economics;

/// <summary>
/// Every option's increment over option 0, each split into components (cost and effect, or one net benefit),
/// smoothed on one parameter group, with bootstrap refits for the standard error. A willingness to pay is a set
/// of coefficients on the components: NB increment = wtp·ΔE − ΔC. Because the smoother is linear in the
/// response, E[ΔNB | φ] = wtp·E[ΔE | φ] − E[ΔC | φ] is estimated by combining the component fits, so a whole
/// acceptability range costs one fit per component (each component keeps its own GCV λ).
/// </summary>
internal sealed class IncrementFits
{
    private readonly double[][][] _raw;
    private readonly double[][][] _fitted;
    private readonly double[][][][] _replicates;
    private readonly int[][] _counts;
    private readonly int[] _dropped;
    private readonly double _effectiveDf;

    /// <param name="increments">[option − 1][component][draw].</param>
    public IncrementFits(double[][][] increments, IReadOnlyList<double[]> groupDrawsByDraw, EvppiOptions options)
    {
        _raw = increments;
        var basis = AdditiveSplineBasis.Build(groupDrawsByDraw);
        var smoother = new PenalisedSmoother(basis);
        _dropped = basis.Dropped;
        var fits = increments.Select(option => option.Select(smoother.Fit).ToArray()).ToArray();
        _fitted = fits.Select(option => option.Select(f => f.Fitted).ToArray()).ToArray();
        _effectiveDf = fits.SelectMany(f => f).Select(f => f.EffectiveDf).DefaultIfEmpty(1).Max();

        int n = groupDrawsByDraw.Count;
        var random = new Random(options.BootstrapSeed);
        int replicates = increments.Length == 0 ? 0 : options.BootstrapReplicates;
        _counts = new int[replicates][];
        _replicates = new double[replicates][][][];
        for (int b = 0; b < replicates; b++)
        {
            var counts = new int[n];
            for (int i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }

            var refit = smoother.Resampled(counts);
            _counts[b] = counts;
            _replicates[b] = increments.Select((option, o) => option.Select((y, c) => refit(y, fits[o][c].Lambda)).ToArray()).ToArray();
        }
    }

    /// <summary>EVPPI with the components weighted by coefficients (e.g. [wtp, −1] for effect and cost).</summary>
    public EvppiResult Evaluate(double[] coefficients)
    {
        double evpi = Math.Max(0, Value(_raw, coefficients, null));
        double raw = Value(_fitted, coefficients, null);
        var replicates = _replicates.Select((r, b) => Value(r, coefficients, _counts[b])).ToArray();
        // One option has nothing to learn (exactly 0); otherwise fewer than 2 resamples give no spread.
        double se = _raw.Length == 0 ? 0 : replicates.Length < 2 ? double.NaN : replicates.StandardDeviation();
        var clip = raw < 0 ? EvppiClip.BelowZero : raw > evpi ? EvppiClip.AboveEvpi : EvppiClip.None;
        return new EvppiResult(Math.Clamp(raw, 0, evpi), se, evpi, raw, clip, _dropped, _effectiveDf);
    }

    /// <summary>
    /// Mean over draws of the best increment (0 for option 0) minus the best mean increment: the value of
    /// choosing per draw rather than once. Counts weight the draws (a bootstrap resample); null = each once.
    /// </summary>
    private static double Value(double[][][] increments, double[] coefficients, int[]? counts)
    {
        if (increments.Length == 0)
        {
            return 0;
        }

        int n = increments[0][0].Length;
        var means = new double[increments.Length];
        double meanOfBest = 0, weights = 0;
        for (int i = 0; i < n; i++)
        {
            int w = counts is null ? 1 : counts[i];
            if (w == 0)
            {
                continue;
            }

            double best = 0;
            for (int o = 0; o < increments.Length; o++)
            {
                double y = 0;
                for (int c = 0; c < coefficients.Length; c++)
                {
                    y += coefficients[c] * increments[o][c][i];
                }

                means[o] += w * y;
                best = Math.Max(best, y);
            }

            meanOfBest += w * best;
            weights += w;
        }

        return (meanOfBest / weights) - Math.Max(0, means.Max() / weights);
    }
}
