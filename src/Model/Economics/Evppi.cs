namespace WardTwin.Model.Economics;

/// <summary>
/// Expected value of partial perfect information by nonparametric regression (Strong, Oakley &amp; Brennan
/// 2014, Med Decis Making 34:311–326): from the probabilistic analysis's own draws, regress each option's net
/// benefit increment over option 0 on the parameter group's draws (a GAM-like additive penalised spline,
/// <see cref="AdditiveSplineBasis"/>, λ by GCV) and take EVPPI = mean over draws of max_d fitted_d −
/// max_d mean fitted_d, with fitted_0 = 0. No nested simulation is needed; <see cref="NestedEvppi"/> is the
/// slow reference the tests check it against. The standard error is a bootstrap over draws (100 resamples by
/// default, each refitting the smoother at the λ chosen on the full sample) rather than the paper's sampling
/// of the GAM's coefficient posterior: it needs no posterior and also covers the Monte Carlo error of the
/// outer average. Deterministic: the resampling is seeded (<see cref="EvppiOptions"/>).
/// </summary>
public static class Evppi
{
    /// <summary>
    /// EVPPI of one group at one willingness to pay.
    /// </summary>
    /// <param name="netBenefitByDraw">draw × option: net monetary benefit.</param>
    /// <param name="groupDrawsByDraw">draw × parameter: the group's values in the same draws.</param>
    public static EvppiResult Regression(IReadOnlyList<double[]> netBenefitByDraw, IReadOnlyList<double[]> groupDrawsByDraw, EvppiOptions? options = null)
    {
        int n = Check(netBenefitByDraw, groupDrawsByDraw, options);
        int strategies = netBenefitByDraw[0].Length;
        var increments = Enumerable.Range(1, strategies - 1)
            .Select(o => new[] { Enumerable.Range(0, n).Select(i => netBenefitByDraw[i][o] - netBenefitByDraw[i][0]).ToArray() })
            .ToArray();
        return new IncrementFits(increments, groupDrawsByDraw, options ?? EvppiOptions.Default).Evaluate([1]);
    }

    /// <summary>
    /// One group fitted once for a whole acceptability range: cost and effect increments are smoothed
    /// separately and combined at each willingness to pay (exact for a linear smoother).
    /// </summary>
    public static EvppiFit Fit(IReadOnlyList<StrategyDraws> strategies, IReadOnlyList<double[]> groupDrawsByDraw, EvppiOptions? options = null)
    {
        StrategyDraws.CheckAligned(strategies);
        var both = Enumerable.Range(0, strategies[0].Draws).Select(i => strategies.SelectMany(s => new[] { s.Cost[i], s.Effect[i] }).ToArray()).ToArray();
        Check(both, groupDrawsByDraw, options);
        var increments = strategies.Skip(1)
            .Select(s => new[] { Minus(s.Effect, strategies[0].Effect), Minus(s.Cost, strategies[0].Cost) })
            .ToArray();
        return new EvppiFit(new IncrementFits(increments, groupDrawsByDraw, options ?? EvppiOptions.Default));
    }

    /// <summary>EVPPI of one group at each willingness to pay (one fit, see <see cref="Fit"/>).</summary>
    public static IReadOnlyList<EvppiResult> Regression(IReadOnlyList<StrategyDraws> strategies, IReadOnlyList<double[]> groupDrawsByDraw, IReadOnlyList<double> wtps, EvppiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wtps);
        var fit = Fit(strategies, groupDrawsByDraw, options);
        return wtps.Select(fit.At).ToArray();
    }

    /// <summary>EVPI from the same sample: mean over draws of the best net benefit minus the best mean net benefit.</summary>
    public static double Evpi(IReadOnlyList<double[]> netBenefitByDraw)
    {
        ArgumentNullException.ThrowIfNull(netBenefitByDraw);
        if (netBenefitByDraw.Count == 0)
        {
            throw new ArgumentException("no draws");
        }

        int options = netBenefitByDraw[0].Length;
        var means = new double[options];
        double meanOfBest = 0;
        foreach (var draw in netBenefitByDraw)
        {
            for (int o = 0; o < options; o++)
            {
                means[o] += draw[o] / netBenefitByDraw.Count;
            }

            meanOfBest += draw.Max() / netBenefitByDraw.Count;
        }

        return Math.Max(0, meanOfBest - means.Max());
    }

    private static double[] Minus(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();

    private static int Check(IReadOnlyList<double[]> outcomesByDraw, IReadOnlyList<double[]> groupDrawsByDraw, EvppiOptions? options)
    {
        ArgumentNullException.ThrowIfNull(outcomesByDraw);
        ArgumentNullException.ThrowIfNull(groupDrawsByDraw);
        int n = outcomesByDraw.Count;
        if (n == 0 || groupDrawsByDraw.Count != n)
        {
            throw new ArgumentException($"{n} draws of net benefit and {groupDrawsByDraw.Count} of the parameter group: give the same draws (at least one)");
        }

        int width = outcomesByDraw[0].Length, parameters = groupDrawsByDraw[0].Length;
        if (width == 0)
        {
            throw new ArgumentException("no options to compare");
        }

        for (int i = 0; i < n; i++)
        {
            if (outcomesByDraw[i].Length != width || groupDrawsByDraw[i].Length != parameters)
            {
                throw new ArgumentException($"draw {i}: {outcomesByDraw[i].Length} options and {groupDrawsByDraw[i].Length} parameters, expected {width} and {parameters}");
            }

            if (!outcomesByDraw[i].All(double.IsFinite) || !groupDrawsByDraw[i].All(double.IsFinite))
            {
                throw new ArgumentException($"draw {i}: a net benefit or parameter value is not a finite number");
            }
        }

        if (options is { BootstrapReplicates: < 0 })
        {
            throw new ArgumentException($"{options.BootstrapReplicates} bootstrap replicates: give 0 or more");
        }

        return n;
    }
}
