using System.Text.Json.Serialization;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Calibration;

/// <summary>
/// One published figure to reproduce, with how its 95 % interval follows from the reported dispersion and n.
/// A median of whole-number scores is judged by the binomial rule (model card section 7): its bounds are
/// the band of shares consistent with 50 % for the published n, which the simulated shares below and at
/// or below the published median must reach. With <c>versus</c>, the statistic is a difference: the protocol's minus
/// that (placebo) protocol's, on the same virtual patients (a trial's contrast, not a median).
/// </summary>
public sealed record CalibrationTarget(
    [property: JsonRequired] string Name,
    [property: JsonRequired] string Protocol,
    [property: JsonRequired] string Statistic,
    [property: JsonRequired] double Published,
    [property: JsonRequired] IntervalKind Interval,
    [property: JsonRequired] string Source,
    int? N = null,
    double? Dispersion = null,
    double? Low = null,
    double? High = null,
    bool Fit = true,
    string? KnownGap = null,
    string? Note = null,
    string? Versus = null)
{
    /// <summary>McGill, Tukey and Larsen's notch: a median's 95 % interval is about ±1.58 IQR/√n.</summary>
    public const double MedianNotchFactor = 1.58;

    /// <summary>Half-width of the 95 % band of a sample share around 50 % for n patients (normal approximation to the binomial).</summary>
    public static double BinomialHalfWidth(int n) => Proportion.Z95 * Math.Sqrt(0.25 / n);

    public (double Low, double High) Bounds() => Interval switch
    {
        IntervalKind.Wilson => Proportion.Wilson((int)Math.Round(Published * N!.Value), N.Value),
        IntervalKind.MedianIqr => (Published - (MedianNotchFactor * Dispersion!.Value / Math.Sqrt(N!.Value)), Published + (MedianNotchFactor * Dispersion.Value / Math.Sqrt(N.Value))),
        IntervalKind.MeanSd => (Published - (Proportion.Z95 * Dispersion!.Value / Math.Sqrt(N!.Value)), Published + (Proportion.Z95 * Dispersion.Value / Math.Sqrt(N.Value))),
        IntervalKind.MeanSem => (Published - (Proportion.Z95 * Dispersion!.Value), Published + (Proportion.Z95 * Dispersion.Value)),
        IntervalKind.Range => (Low!.Value, High!.Value),
        IntervalKind.MedianBinomial => (0.5 - BinomialHalfWidth(N!.Value), 0.5 + BinomialHalfWidth(N.Value)),
        _ => throw new ArgumentOutOfRangeException(nameof(Interval)),
    };
}

public enum IntervalKind
{
    Wilson,
    MedianIqr,
    MeanSd,
    MeanSem,
    Range,
    MedianBinomial,
}
