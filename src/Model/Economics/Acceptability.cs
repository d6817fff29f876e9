namespace WardTwin.Model.Economics;

/// <summary>
/// The cost-effectiveness acceptability curve and the expected value of perfect information over a range of
/// willingness to pay: at each value, the share of draws in which each strategy has the highest net monetary
/// benefit (ties go to the first listed), and EVPI = E[max over strategies of NMB] − max over strategies of E[NMB].
/// </summary>
public static class Acceptability
{
    public static IReadOnlyList<AcceptabilityPoint> Curve(IReadOnlyList<StrategyDraws> strategies, IReadOnlyList<double> wtps)
    {
        StrategyDraws.CheckAligned(strategies);
        ArgumentNullException.ThrowIfNull(wtps);
        int draws = strategies[0].Draws;
        var points = new List<AcceptabilityPoint>(wtps.Count);
        foreach (double wtp in wtps)
        {
            var wins = new int[strategies.Count];
            var meanNmb = new double[strategies.Count];
            double meanOfMax = 0;
            for (int d = 0; d < draws; d++)
            {
                int best = 0;
                double bestNmb = double.NegativeInfinity;
                for (int s = 0; s < strategies.Count; s++)
                {
                    double nmb = strategies[s].NetBenefit(d, wtp);
                    meanNmb[s] += nmb / draws;
                    if (nmb > bestNmb)
                    {
                        (best, bestNmb) = (s, nmb);
                    }
                }

                wins[best]++;
                meanOfMax += bestNmb / draws;
            }

            int optimal = Array.IndexOf(meanNmb, meanNmb.Max());
            points.Add(new AcceptabilityPoint(
                wtp,
                strategies.Select((s, i) => (double)wins[i] / draws).ToArray(),
                meanNmb,
                strategies[optimal].Id,
                Math.Max(0, meanOfMax - meanNmb[optimal])));
        }

        return points;
    }

    /// <summary>0, step, 2·step, … up to max inclusive.</summary>
    public static double[] Range(double max, double step)
    {
        if (!(step > 0) || !(max >= 0) || max / step > 10_000)
        {
            throw new ArgumentException($"willingness-to-pay range 0..{max} in steps of {step}: give a positive step and at most 10,000 points");
        }

        return Enumerable.Range(0, (int)Math.Floor((max / step) + 1e-9) + 1).Select(i => i * step).ToArray();
    }
}

/// <summary>
/// One willingness to pay: the probability each strategy is cost-effective (in the strategies' order, summing
/// to 1), each one's expected net monetary benefit, the strategy with the highest expected NMB, and EVPI per patient.
/// </summary>
public sealed record AcceptabilityPoint(double Wtp, double[] ProbabilityCostEffective, double[] ExpectedNetBenefit, string Optimal, double Evpi);
