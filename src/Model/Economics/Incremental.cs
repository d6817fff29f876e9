using MathNet.Numerics.Statistics;

namespace WardTwin.Model.Economics;

/// <summary>
/// A strategy against its comparator over paired draws: mean ΔC and ΔE with their 2.5–97.5 % percentiles, the
/// ICER of the means, the share of draws in each quadrant of the cost-effectiveness plane, and the quadrant of
/// the means in words (an ICER alone hides whether it is a price per gain or a saving per loss).
/// </summary>
public sealed record Incremental(
    string Strategy, string Comparator, double DeltaCost, double DeltaCostLow, double DeltaCostHigh,
    double DeltaEffect, double DeltaEffectLow, double DeltaEffectHigh, double? Icer, Quadrant Quadrant, string InWords,
    double ShareNorthEast, double ShareSouthEast, double ShareNorthWest, double ShareSouthWest)
{
    /// <param name="effectName">The effect in words, e.g. "responders at T1".</param>
    /// <param name="unit">One unit of it, e.g. "responder".</param>
    /// <param name="currency">Written after each amount in words, e.g. "EUR".</param>
    public static Incremental Of(StrategyDraws strategy, StrategyDraws comparator, string effectName, string unit = "unit", string currency = "")
    {
        StrategyDraws.CheckAligned([strategy, comparator]);
        int n = strategy.Draws;
        var dc = new double[n];
        var de = new double[n];
        int ne = 0, se = 0, nw = 0, sw = 0;
        for (int d = 0; d < n; d++)
        {
            dc[d] = strategy.Cost[d] - comparator.Cost[d];
            de[d] = strategy.Effect[d] - comparator.Effect[d];
            switch (QuadrantOf(dc[d], de[d]))
            {
                case Quadrant.NorthEast: ne++; break;
                case Quadrant.SouthEast: se++; break;
                case Quadrant.NorthWest: nw++; break;
                default: sw++; break;
            }
        }

        double mc = dc.Mean(), me = de.Mean();
        var quadrant = QuadrantOf(mc, me);
        double? icer = me == 0 ? null : mc / me;
        return new Incremental(strategy.Id, comparator.Id, mc, dc.Quantile(0.025), dc.Quantile(0.975), me, de.Quantile(0.025), de.Quantile(0.975),
            icer, quadrant, Words(quadrant, strategy.Id, comparator.Id, icer, effectName, unit, currency.Length == 0 ? string.Empty : " " + currency),
            (double)ne / n, (double)se / n, (double)nw / n, (double)sw / n);
    }

    public static Quadrant QuadrantOf(double deltaCost, double deltaEffect) => (deltaCost > 0, deltaEffect > 0) switch
    {
        (true, true) => Quadrant.NorthEast,
        (false, true) => Quadrant.SouthEast,
        (true, false) => Quadrant.NorthWest,
        _ => Quadrant.SouthWest,
    };

    // A ratio in words reads with thousands separators, the same on every machine: "88,148 EUR saved per QALY fewer".
    private static string Amount(double? v) => v is { } x ? Math.Abs(x).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "no ratio";

    private static string Words(Quadrant q, string s, string c, double? icer, string effect, string unit, string currency) => q switch
    {
        Quadrant.NorthEast => $"{s} costs more and gives more {effect} than {c}: {Amount(icer)}{currency} per extra {unit}",
        Quadrant.SouthEast => $"{s} costs less and gives more {effect} than {c}: it dominates",
        Quadrant.NorthWest => $"{s} costs more and gives fewer {effect} than {c}: it is dominated",
        _ => $"{s} costs less and gives fewer {effect} than {c}: {Amount(icer)}{currency} saved per {unit} fewer",
    };
}

/// <summary>Quadrants of the cost-effectiveness plane (ΔE on x, ΔC on y).</summary>
public enum Quadrant
{
    NorthEast,
    SouthEast,
    NorthWest,
    SouthWest,
}
