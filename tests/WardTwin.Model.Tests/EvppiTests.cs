using MathNet.Numerics.Distributions;
using WardTwin.Model.Economics;
using Xunit.Abstractions;

namespace WardTwin.Model.Tests;

/// <summary>
/// EVPPI by regression against answers known another way: closed forms for normal and squared-normal
/// increments, and nested Monte Carlo. Each check allows three standard errors (the estimates' own, added in
/// quadrature when two estimates are compared); seeds are fixed.
/// </summary>
public sealed class EvppiTests(ITestOutputHelper output)
{
    [Fact]
    public void A_linear_increment_matches_the_closed_form()
    {
        // NB_1 − NB_0 = 0.5 + φ + 2ψ: knowing φ is worth the value of a N(0.5, 1), ψ that of a N(0.5, 4).
        var draws = EvppiSamples.Normals(2000, 2, seed: 11);
        var nb = draws.Select(d => new[] { 0, 0.5 + d[0] + (2 * d[1]) }).ToArray();
        foreach (var (column, sd) in new[] { (0, 1.0), (1, 2.0) })
        {
            var result = Evppi.Regression(nb, EvppiSamples.Columns(draws, column));
            double exact = EvppiSamples.NormalValue(0.5, sd);
            output.WriteLine($"group {column}: regression {result.Evppi:0.0000} ± {result.StandardError:0.0000}, closed form {exact:0.0000}, EVPI {result.Evpi:0.0000} (closed form {EvppiSamples.NormalValue(0.5, Math.Sqrt(5)):0.0000}), df {result.EffectiveDf:0.0}");
            Assert.InRange(result.Evppi, exact - (3 * result.StandardError), exact + (3 * result.StandardError));
            Assert.InRange(result.StandardError, 0.01 * exact, 0.2 * exact);
            Assert.Equal(EvppiClip.None, result.Clip);
        }
    }

    [Fact]
    public void The_standard_error_matches_the_spread_over_independent_samples()
    {
        // 30 independent PSA samples of 500 draws: the bootstrap's SE should be the estimates' actual spread.
        var nb = (double[][] d) => d.Select(x => new[] { 0, 0.5 + x[0] + (2 * x[1]) }).ToArray();
        var results = Enumerable.Range(100, 30).Select(seed =>
        {
            var draws = EvppiSamples.Normals(500, 2, seed);
            return Evppi.Regression(nb(draws), EvppiSamples.Columns(draws, 0));
        }).ToArray();
        double mean = results.Average(r => r.RawEvppi);
        double spread = Math.Sqrt(results.Sum(r => (r.RawEvppi - mean) * (r.RawEvppi - mean)) / (results.Length - 1));
        double se = results.Average(r => r.StandardError);
        output.WriteLine($"spread over 30 samples {spread:0.0000}, mean bootstrap SE {se:0.0000}, mean estimate {mean:0.0000} (closed form {EvppiSamples.NormalValue(0.5, 1):0.0000})");
        Assert.InRange(se / spread, 0.6, 1.6);
    }

    [Fact]
    public void A_squared_increment_matches_the_closed_form_and_nested_monte_carlo()
    {
        // NB_1 − NB_0 = φ² − 0.8 + ψ: a straight line in φ explains nothing (its EVPPI would be about 0).
        var draws = EvppiSamples.Normals(2000, 2, seed: 12);
        var nb = draws.Select(d => new[] { 0, (d[0] * d[0]) - 0.8 + d[1] }).ToArray();
        var regression = Evppi.Regression(nb, EvppiSamples.Columns(draws, 0));
        var nested = NestedEvppi.MonteCarlo(
            (phi, psi) => [0, (phi[0] * phi[0]) - 0.8 + psi[0]], r => [Normal.Sample(r, 0, 1)], r => [Normal.Sample(r, 0, 1)], outer: 2000, inner: 200, seed: 13);
        double exact = EvppiSamples.SquareValue(0.8);
        output.WriteLine($"regression {regression.Evppi:0.0000} ± {regression.StandardError:0.0000}, nested {nested.Evppi:0.0000} ± {nested.StandardError:0.0000}, closed form {exact:0.0000}, df {regression.EffectiveDf:0.0}");

        Assert.InRange(regression.Evppi, exact - (3 * regression.StandardError), exact + (3 * regression.StandardError));
        Assert.InRange(nested.Evppi, exact - (3 * nested.StandardError), exact + (3 * nested.StandardError));
        Assert.InRange(regression.Evppi - nested.Evppi, -3 * Both(regression, nested), 3 * Both(regression, nested));
    }

    [Fact]
    public void Three_options_and_a_two_parameter_group_agree_with_nested_monte_carlo()
    {
        var draws = EvppiSamples.Normals(2000, 4, seed: 14);
        var regression = Evppi.Regression(draws.Select(d => ThreeOptions(d[..2], d[2..])).ToArray(), EvppiSamples.Columns(draws, 0, 1));
        var nested = NestedEvppi.MonteCarlo(
            ThreeOptions, r => [Normal.Sample(r, 0, 1), Normal.Sample(r, 0, 1)], r => [Normal.Sample(r, 0, 1), Normal.Sample(r, 0, 1)], outer: 2000, inner: 200, seed: 15);
        output.WriteLine($"regression {regression.Evppi:0.0000} ± {regression.StandardError:0.0000}, nested {nested.Evppi:0.0000} ± {nested.StandardError:0.0000}, EVPI {regression.Evpi:0.0000}, df {regression.EffectiveDf:0.0}");

        Assert.InRange(regression.Evppi - nested.Evppi, -3 * Both(regression, nested), 3 * Both(regression, nested));
        Assert.Equal(EvppiClip.None, regression.Clip);
    }

    /// <summary>A curved and an S-shaped option against a zero comparator; ψ adds noise to both.</summary>
    internal static double[] ThreeOptions(double[] phi, double[] psi) =>
        [0, (phi[0] * phi[0]) - 0.8 + psi[0], (0.6 * Math.Tanh(2 * phi[1])) + 0.15 + (0.5 * psi[1]) + (0.3 * psi[0])];

    private static double Both(EvppiResult r, NestedEvppiResult n) => Math.Sqrt((r.StandardError * r.StandardError) + (n.StandardError * n.StandardError));
}
