using MathNet.Numerics.Distributions;

namespace WardTwin.Model.Parameters;

/// <summary>
/// How uncertain a parameter's value is, for probabilistic sensitivity analysis. Draws are centred on the
/// file's value (the median of a log-normal, the mean of a normal or beta) with the spread of the published
/// 95 % interval: log-normal σ = ln(ci_high / ci_low) / 3.92, normal SD = (ci_high − ci_low) / 3.92, beta
/// Beta(value·n, (1 − value)·n) for a proportion seen in n people. Draws stay within the entry's min..max.
/// </summary>
public sealed record ParameterUncertainty(
    UncertaintyDistribution Distribution,
    string Source,
    double? CiLow = null,
    double? CiHigh = null,
    double? N = null,
    string? Assumed = null)
{
    /// <summary>σ of ln(value) for a log-normal, or the SD of a normal: the published interval's width / (2 × 1.96).</summary>
    public double Spread => Distribution switch
    {
        UncertaintyDistribution.Lognormal => Math.Log(CiHigh!.Value / CiLow!.Value) / 3.92,
        UncertaintyDistribution.Normal => (CiHigh!.Value - CiLow!.Value) / 3.92,
        _ => throw new InvalidOperationException("a beta's spread comes from n"),
    };

    /// <summary>The 95 % interval of the draws around <paramref name="value"/> (before the entry's min..max).</summary>
    public (double Low, double High) Interval95(double value) => Distribution switch
    {
        UncertaintyDistribution.Lognormal => (value * Math.Exp(-1.96 * Spread), value * Math.Exp(1.96 * Spread)),
        UncertaintyDistribution.Normal => (value - (1.96 * Spread), value + (1.96 * Spread)),
        _ => (Beta.InvCDF(value * N!.Value, (1 - value) * N!.Value, 0.025), Beta.InvCDF(value * N!.Value, (1 - value) * N!.Value, 0.975)),
    };

    /// <summary>Why this uncertainty cannot be used with this value, or null.</summary>
    public string? Problem(double value) => Distribution switch
    {
        _ when string.IsNullOrWhiteSpace(Source) => "source: name where the interval comes from",
        UncertaintyDistribution.Lognormal when CiLow is not > 0 || CiHigh is not double hi || hi <= CiLow || value <= 0
            => "a log-normal needs 0 < ci_low < ci_high and a positive value",
        UncertaintyDistribution.Normal when CiLow is not double lo || CiHigh is not double hi || hi <= lo
            => "a normal needs ci_low < ci_high",
        UncertaintyDistribution.Beta when N is not > 0 || value is <= 0 or >= 1
            => "a beta needs n > 0 (people the proportion was seen in) and a value strictly between 0 and 1",
        UncertaintyDistribution.Beta when CiLow is not null || CiHigh is not null
            => "a beta takes its spread from n, not from ci_low/ci_high",
        _ => null,
    };
}

public enum UncertaintyDistribution
{
    Lognormal,
    Normal,
    Beta,
}
