using MathNet.Numerics.Distributions;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Tests;

/// <summary>The monitor's normal draws against the standard normal distribution (fixed seeds, stated tolerances).</summary>
public sealed class ZigguratNormalTests
{
    private const int Draws = 1_000_000;

    [Fact]
    public void Draws_follow_the_standard_normal_by_Kolmogorov_Smirnov()
    {
        var random = new SeededRandom(2026);
        var x = new double[Draws];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = ZigguratNormal.Next(ref random);
        }

        Array.Sort(x);
        double d = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double f = Normal.CDF(0, 1, x[i]);
            d = Math.Max(d, Math.Max(f - ((double)i / x.Length), ((i + 1.0) / x.Length) - f));
        }

        // 1.63/sqrt(n) is the 1 % critical value of the KS statistic.
        Assert.True(d < 1.63 / Math.Sqrt(x.Length), $"KS distance {d:G4}");
        double mean = x.Average();
        double sd = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Sum() / (x.Length - 1));
        Assert.InRange(mean, -0.004, 0.004);
        Assert.InRange(sd, 0.996, 1.004);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(3.5)]
    [InlineData(4.0)]
    public void Both_tails_beyond_the_base_layer_have_their_normal_mass(double z)
    {
        var random = new SeededRandom(11);
        int above = 0, below = 0;
        for (int i = 0; i < 4 * Draws; i++)
        {
            double v = ZigguratNormal.Next(ref random);
            above += v > z ? 1 : 0;
            below += v < -z ? 1 : 0;
        }

        double expected = 4 * Draws * (1 - Normal.CDF(0, 1, z));
        double tolerance = 4 * Math.Sqrt(expected) + 2; // four binomial standard deviations
        Assert.InRange(above, expected - tolerance, expected + tolerance);
        Assert.InRange(below, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void A_stream_replays_bit_for_bit()
    {
        var a = new SeededRandom(5);
        var b = new SeededRandom(5);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(ZigguratNormal.Next(ref a), ZigguratNormal.Next(ref b));
        }
    }
}
