using System.Diagnostics;
using WardTwin.Model.Economics;
using Xunit.Abstractions;

namespace WardTwin.Model.Tests;

/// <summary>What EVPPI by regression must respect whatever the data: EVPI above it, nothing for an irrelevant or constant group, one fit for many willingness-to-pay values.</summary>
public sealed class EvppiBoundsTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_group_stays_below_evpi_and_all_the_parameters_reach_it()
    {
        var draws = EvppiSamples.Normals(2000, 4, seed: 21);
        var nb = draws.Select(d => EvppiTests.ThreeOptions(d[..2], d[2..])).ToArray();
        double evpi = Evppi.Evpi(nb);
        foreach (var group in new[] { new[] { 0 }, [1], [2], [3], [0, 1], [2, 3] })
        {
            var r = Evppi.Regression(nb, EvppiSamples.Columns(draws, group));
            output.WriteLine($"group {string.Join(",", group)}: {r.RawEvppi:0.0000} ± {r.StandardError:0.0000} of EVPI {evpi:0.0000}");
            Assert.Equal(evpi, r.Evpi, 12);
            Assert.Equal(EvppiClip.None, r.Clip);
            Assert.True(r.RawEvppi < evpi, $"group {string.Join(",", group)}: {r.RawEvppi} above EVPI {evpi}");
        }

        // All four parameters determine the net benefit, additively: the fit is the net benefit itself, almost.
        var all = Evppi.Regression(nb, draws);
        output.WriteLine($"all: {all.RawEvppi:0.0000} ({all.Clip}) of EVPI {evpi:0.0000}");
        Assert.Equal(evpi, all.RawEvppi, 0.02 * evpi);
        Assert.Equal(all.RawEvppi > evpi ? EvppiClip.AboveEvpi : EvppiClip.None, all.Clip);
        Assert.Equal(Math.Min(all.RawEvppi, all.Evpi), all.Evppi);

        // A linear net benefit is fitted exactly by the linear terms.
        var linear = draws.Select(d => new[] { 0, 0.5 + d[0] + (2 * d[1]), d[2] - d[3] }).ToArray();
        Assert.Equal(Evppi.Evpi(linear), Evppi.Regression(linear, draws).RawEvppi, 1e-6);
    }

    [Fact]
    public void A_group_without_influence_is_worth_about_nothing()
    {
        // Mean increment 0: the hardest case, any wiggle the fit picks up from noise turns into value.
        var draws = EvppiSamples.Normals(1000, 12, seed: 22);
        var nb = draws.Select(d => new[] { 0, d[0] + d[1] }).ToArray();
        var one = Evppi.Regression(nb, EvppiSamples.Columns(draws, 2));
        var ten = Evppi.Regression(nb, EvppiSamples.Columns(draws, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        output.WriteLine($"one irrelevant parameter {one.Evppi:0.0000} ± {one.StandardError:0.0000} (df {one.EffectiveDf:0.0}), ten {ten.Evppi:0.0000} ± {ten.StandardError:0.0000} (df {ten.EffectiveDf:0.0}), EVPI {one.Evpi:0.0000}");
        Assert.True(one.Evppi < 0.05 * one.Evpi, $"one irrelevant parameter worth {one.Evppi} of {one.Evpi}");
        Assert.True(ten.Evppi < 0.10 * ten.Evpi, $"ten irrelevant parameters worth {ten.Evppi} of {ten.Evpi}");
    }

    [Fact]
    public void A_constant_parameter_is_dropped_and_a_duplicate_changes_little()
    {
        var draws = EvppiSamples.Normals(1000, 2, seed: 23);
        var nb = draws.Select(d => new[] { 0, (d[0] * d[0]) - 0.8 + d[1] }).ToArray();
        var alone = Evppi.Regression(nb, EvppiSamples.Columns(draws, 0));
        var withConstant = Evppi.Regression(nb, draws.Select(d => new[] { 3.0, d[0] }).ToArray());
        Assert.Equal([0], withConstant.DroppedParameters);
        Assert.Equal(alone.RawEvppi, withConstant.RawEvppi, 12);
        Assert.Equal(alone.StandardError, withConstant.StandardError, 12);

        var onlyConstants = Evppi.Regression(nb, draws.Select(_ => new[] { 3.0, -1.0 }).ToArray());
        Assert.Equal([0, 1], onlyConstants.DroppedParameters);
        Assert.Equal(0, onlyConstants.RawEvppi, 12);

        var duplicated = Evppi.Regression(nb, EvppiSamples.Columns(draws, 0, 0));
        output.WriteLine($"alone {alone.RawEvppi:0.00000} ± {alone.StandardError:0.0000}, duplicated {duplicated.RawEvppi:0.00000}");
        Assert.Equal(alone.RawEvppi, duplicated.RawEvppi, 0.2 * alone.StandardError);
    }

    [Fact]
    public void Mismatched_draws_are_refused_and_a_single_option_is_worth_nothing()
    {
        var draws = EvppiSamples.Normals(200, 1, seed: 26);
        var nb = draws.Select(d => new[] { 0, d[0] }).ToArray();
        Assert.Throws<ArgumentException>(() => Evppi.Regression(nb[..199], draws));
        Assert.Throws<ArgumentException>(() => Evppi.Regression(nb.Select((x, i) => i == 5 ? [0, double.NaN] : x).ToArray(), draws));
        Assert.Throws<ArgumentException>(() => Evppi.Regression(nb, EvppiSamples.Normals(200, 100, seed: 27)));

        var single = Evppi.Regression(draws, draws);
        Assert.Equal((0.0, 0.0, 0.0), (single.Evppi, single.StandardError, single.Evpi));
    }

    [Fact]
    public void One_fit_serves_every_willingness_to_pay()
    {
        // 3 strategies, 30 parameters, 1,000 draws; groups of 1, 2, 5, 10 and 30 parameters at 21 values.
        var draws = EvppiSamples.Normals(1000, 30, seed: 24);
        var strategies = ThreeStrategies(draws);
        var wtps = Acceptability.Range(20_000, 1_000);
        var curve = Acceptability.Curve(strategies, wtps);
        int[][] groups = [[0], [1, 2], [.. Enumerable.Range(0, 5)], [.. Enumerable.Range(5, 10)], [.. Enumerable.Range(0, 30)]];
        var clock = Stopwatch.StartNew();
        var results = groups.Select(g => Evppi.Regression(strategies, EvppiSamples.Columns(draws, g), wtps)).ToArray();
        output.WriteLine($"5 groups × {wtps.Length} willingness-to-pay values × 1,000 draws: {clock.Elapsed.TotalSeconds:0.00} s");
        for (int w = 0; w < wtps.Length; w++)
        {
            output.WriteLine($"wtp {wtps[w]}: EVPI {curve[w].Evpi:0.0}, EVPPI {string.Join(" ", results.Select(r => $"{r[w].RawEvppi:0.0}±{r[w].StandardError:0.0}"))}");
            Assert.All(results, r => Assert.Equal(curve[w].Evpi, r[w].Evpi, 1e-6 * (1 + curve[w].Evpi)));
            Assert.All(results[..4], r => Assert.Equal(EvppiClip.None, r[w].Clip));
            Assert.Equal(curve[w].Evpi, results[4][w].RawEvppi, (0.02 * curve[w].Evpi) + 1e-6);
        }
    }

    [Fact]
    public void Cost_and_effect_fitted_apart_equal_net_benefit_fitted_at_that_willingness_to_pay()
    {
        // Equal costs: the combined fit is wtp times the effect fit, and GCV does not care about scale.
        var draws = EvppiSamples.Normals(800, 3, seed: 25);
        var cost = draws.Select(_ => 100.0).ToArray();
        var strategies = new[]
        {
            new StrategyDraws("a", cost, draws.Select(d => 0.5 + (0.1 * d[2])).ToArray()),
            new StrategyDraws("b", cost, draws.Select(d => 0.5 + (0.1 * d[0] * d[0]) - 0.1 + (0.1 * d[2])).ToArray()),
        };
        var group = EvppiSamples.Columns(draws, 0, 1);
        var fit = Evppi.Fit(strategies, group);
        foreach (double wtp in new[] { 1_000.0, 20_000.0 })
        {
            var direct = Evppi.Regression(Enumerable.Range(0, draws.Length).Select(i => strategies.Select(s => s.NetBenefit(i, wtp)).ToArray()).ToArray(), group);
            Assert.Equal(direct.RawEvppi, fit.At(wtp).RawEvppi, 1e-9 * wtp);
            Assert.Equal(direct.StandardError, fit.At(wtp).StandardError, 1e-9 * wtp);
        }
    }

    /// <summary>Costs linear in some parameters, effects curved in others, so value moves with willingness to pay.</summary>
    private static StrategyDraws[] ThreeStrategies(double[][] draws)
    {
        var random = new Random(7);
        var loading = Enumerable.Range(0, 30).Select(_ => random.NextDouble() - 0.5).ToArray();
        double Spread(double[] d) => d.Select((v, k) => v * loading[k]).Sum();
        return
        [
            new StrategyDraws("usual", draws.Select(d => 1000 + (100 * d[1])).ToArray(), draws.Select(d => 0.40 + (0.02 * d[2])).ToArray()),
            new StrategyDraws("ketamine", draws.Select(d => 2500 + (300 * d[1]) + (50 * Spread(d))).ToArray(), draws.Select(d => 0.50 + (0.05 * Math.Tanh(d[0])) + (0.01 * d[3] * d[3])).ToArray()),
            new StrategyDraws("outpatient", draws.Select(d => 1800 + (200 * d[4]) + (30 * Spread(d))).ToArray(), draws.Select(d => 0.46 + (0.03 * d[0]) + (0.01 * d[5])).ToArray()),
        ];
    }
}
