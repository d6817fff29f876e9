using MathNet.Numerics.Distributions;

namespace WardTwin.Model.Tests;

/// <summary>Small PSA samples with known structure for the EVPPI tests: independent standard normal parameters, seeded.</summary>
internal static class EvppiSamples
{
    /// <summary>draws × parameters of independent N(0, 1).</summary>
    public static double[][] Normals(int draws, int parameters, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, draws).Select(_ => Enumerable.Range(0, parameters).Select(_ => Normal.Sample(random, 0, 1)).ToArray()).ToArray();
    }

    /// <summary>The listed columns of every draw: a parameter group.</summary>
    public static double[][] Columns(double[][] draws, params int[] columns) =>
        draws.Select(d => columns.Select(c => d[c]).ToArray()).ToArray();

    /// <summary>E[max(0, X)] − max(0, E X) for X ~ N(mean, sd²): the value of knowing X before choosing between 0 and X.</summary>
    public static double NormalValue(double mean, double sd) =>
        (sd * Normal.PDF(0, 1, mean / sd)) + (mean * Normal.CDF(0, 1, mean / sd)) - Math.Max(0, mean);

    /// <summary>E[max(0, Z² − c)] − max(0, 1 − c) for Z ~ N(0, 1), c &gt; 0: 2[√c·pdf(√c) + (1 − c)(1 − Φ(√c))].</summary>
    public static double SquareValue(double c)
    {
        double r = Math.Sqrt(c);
        return (2 * ((r * Normal.PDF(0, 1, r)) + ((1 - c) * (1 - Normal.CDF(0, 1, r))))) - Math.Max(0, 1 - c);
    }
}
