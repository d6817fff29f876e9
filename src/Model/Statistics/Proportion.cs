using MathNet.Numerics.Distributions;

namespace WardTwin.Model.Statistics;

/// <summary>A proportion with its Wilson score interval (the schema's "rate").</summary>
public sealed record Proportion(double Rate, double CiLow, double CiHigh, int N)
{
    public static double Z95 { get; } = Normal.InvCDF(0, 1, 0.975);

    public static Proportion Of(int successes, int n)
    {
        var (lo, hi) = Wilson(successes, n);
        return new Proportion(n == 0 ? double.NaN : (double)successes / n, lo, hi, n);
    }

    public static (double Low, double High) Wilson(int successes, int n, double? z = null)
    {
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double zz = z ?? Z95;
        double p = (double)successes / n;
        double denom = 1 + (zz * zz / n);
        double centre = (p + (zz * zz / (2 * n))) / denom;
        double half = zz * Math.Sqrt((p * (1 - p) / n) + (zz * zz / (4.0 * n * n))) / denom;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
