namespace WardTwin.Model.Calibration;

/// <summary>
/// A target next to what the model gives. Residuals are the distance from the published figure in units
/// of the interval on that side (Wilson intervals around 0 of 16 are one-sided), so |residual| ≤ 1 is inside. For a binomial-rule median, Low and High bound the share of patients and the
/// residual is how far the simulated shares (below, and at or below, the published median) miss 50 %.
/// </summary>
public sealed record TargetResult(CalibrationTarget Target, double Low, double High, double Simulated, double? ShareBelow = null, double? ShareAtOrBelow = null)
{
    public static TargetResult Of(CalibrationTarget target, TargetStatistic statistic)
    {
        var (lo, hi) = target.Bounds();
        if (target.Interval != IntervalKind.MedianBinomial || statistic.Sample is not { Length: > 0 } sample)
        {
            return new TargetResult(target, lo, hi, statistic.Value);
        }

        double m = target.Published;
        double below = sample.Count(x => x < m - 1e-9) / (double)sample.Length;
        double atOrBelow = sample.Count(x => x <= m + 1e-9) / (double)sample.Length;
        return new TargetResult(target, lo, hi, statistic.Value, below, atOrBelow);
    }

    public bool IsBinomial => ShareBelow is not null;

    public double HalfWidth => Math.Max((High - Low) / 2, 1e-6);

    public double Residual => IsBinomial
        ? ShareBelow > 0.5 ? -(ShareBelow.Value - 0.5) / HalfWidth
            : ShareAtOrBelow < 0.5 ? (0.5 - ShareAtOrBelow.Value) / HalfWidth
            : 0
        : Simulated >= Target.Published
            ? (Simulated - Target.Published) / Math.Max(High - Target.Published, 1e-6)
            : (Simulated - Target.Published) / Math.Max(Target.Published - Low, 1e-6);

    public bool Inside => IsBinomial
        ? Math.Abs(Residual) <= 1 + 1e-12
        : Simulated >= Low - 1e-12 && Simulated <= High + 1e-12;
}
