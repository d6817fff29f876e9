using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;

namespace WardTwin.Model.Tests;

/// <summary>The decision-analysis arithmetic of a probabilistic comparison, on small worked examples.</summary>
public sealed class EconomicsTests
{
    [Fact]
    public void Sequential_icers_drop_dominated_and_extendedly_dominated_strategies()
    {
        // A textbook set: B lies above the line from A to C (extended dominance), D costs more than C for less.
        var rows = EfficiencyFrontier.Analyse([("A", 0, 0), ("B", 100, 0.5), ("C", 150, 1.0), ("D", 500, 0.9), ("E", 450, 1.5)]);
        FrontierRow Row(string id) => rows.Single(r => r.Id == id);

        Assert.Equal(FrontierStatus.Frontier, Row("A").Status);
        Assert.Null(Row("A").Icer);
        Assert.Equal(FrontierStatus.ExtendedlyDominated, Row("B").Status);
        Assert.Equal(FrontierStatus.Frontier, Row("C").Status);
        Assert.Equal("A", Row("C").ComparedWith);
        Assert.Equal(150, Row("C").Icer!.Value, 9);
        Assert.Equal(FrontierStatus.Dominated, Row("D").Status);
        Assert.Equal(FrontierStatus.Frontier, Row("E").Status);
        Assert.Equal("C", Row("E").ComparedWith);
        Assert.Equal(600, Row("E").Icer!.Value, 9);
    }

    [Fact]
    public void Acceptability_is_a_probability_per_strategy_summing_to_one_and_evpi_is_never_negative()
    {
        var random = new Random(5);
        double[] Noise(double mean, double sd) => Enumerable.Range(0, 2000).Select(_ => mean + (sd * (random.NextDouble() - 0.5) * 3.46)).ToArray();
        var strategies = new[]
        {
            new StrategyDraws("cheap", Noise(1000, 200), Noise(0.40, 0.10)),
            new StrategyDraws("dear", Noise(4000, 800), Noise(0.55, 0.10)),
            new StrategyDraws("middle", Noise(2500, 500), Noise(0.50, 0.10)),
        };
        var curve = Acceptability.Curve(strategies, Acceptability.Range(100_000, 5_000));
        Assert.Equal(21, curve.Count);
        foreach (var p in curve)
        {
            Assert.All(p.ProbabilityCostEffective, x => Assert.InRange(x, 0, 1));
            Assert.Equal(1, p.ProbabilityCostEffective.Sum(), 9);
            Assert.True(p.Evpi >= 0, $"EVPI {p.Evpi} at {p.Wtp}");
        }

        // At zero willingness to pay the cheapest always wins and nothing is uncertain.
        Assert.Equal(1, curve[0].ProbabilityCostEffective[0], 9);
        Assert.Equal("cheap", curve[0].Optimal);
        Assert.Equal(0, curve[0].Evpi, 9);

        // Where the decision is close, information is worth something.
        Assert.Contains(curve, p => p.Evpi > 0);
    }

    [Fact]
    public void Evpi_equals_the_expected_regret_of_deciding_now_on_a_hand_worked_example()
    {
        // Two draws: A wins the first by 100, B the second by 300; expected NMB A 50, B 150, so decide B;
        // with perfect information the first draw gains 100 more: EVPI = 100 / 2 = 50.
        var a = new StrategyDraws("A", [0, 0], [1, 0]);
        var b = new StrategyDraws("B", [0, 0], [0, 3]);
        var p = Acceptability.Curve([a, b], [100]).Single();
        Assert.Equal("B", p.Optimal);
        Assert.Equal([0.5, 0.5], p.ProbabilityCostEffective);
        Assert.Equal(50, p.Evpi, 9);
    }

    [Fact]
    public void Incremental_results_name_their_quadrant_in_words()
    {
        var comparator = new StrategyDraws("usual", [100, 100, 100, 100], [0.2, 0.2, 0.2, 0.2]);
        var dearer = new StrategyDraws("new", [300, 340, 260, 300], [0.4, 0.5, 0.3, 0.4]);
        var inc = Incremental.Of(dearer, comparator, "responders");
        Assert.Equal(Quadrant.NorthEast, inc.Quadrant);
        Assert.Equal(200, inc.DeltaCost, 9);
        Assert.Equal(0.2, inc.DeltaEffect, 9);
        Assert.Equal(1000, inc.Icer!.Value, 9);
        Assert.Equal(1, inc.ShareNorthEast, 9);
        Assert.Contains("costs more and gives more responders", inc.InWords, StringComparison.Ordinal);

        var cheaperBetter = Incremental.Of(new StrategyDraws("new", [50, 50, 50, 50], [0.3, 0.3, 0.3, 0.3]), comparator, "responders");
        Assert.Equal(Quadrant.SouthEast, cheaperBetter.Quadrant);
        Assert.Contains("dominates", cheaperBetter.InWords, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_table_names_a_dominated_or_dominant_option_instead_of_printing_its_ratio()
    {
        static ComparisonRow Row(string id, double cost, double rate, ComparisonIncrement? vs) =>
            new(id, 100, rate, rate - 0.1, rate + 0.1, 0.3, 4, 12, 0.1, 0.5, 7, 6, 0, cost, cost / rate, "EUR", vs);
        string table = CohortComparison.Table([
            Row("comparator", 4000, 0.6, null),
            Row("dearer-worse", 5000, 0.5, new ComparisonIncrement("comparator", 1000, -0.1, -10_000, 0, "EUR", "dearer-worse")),
            Row("cheaper-better", 3000, 0.7, new ComparisonIncrement("comparator", -1000, 0.1, -10_000, 0, "EUR", "cheaper-better")),
            Row("cheaper-worse", 3000, 0.5, new ComparisonIncrement("comparator", -1000, -0.1, 10_000, 0, "EUR", "cheaper-worse")),
            Row("dearer-better", 5000, 0.7, new ComparisonIncrement("comparator", 1000, 0.1, 10_000, 0, "EUR", "dearer-better"))]);
        string Icer(string id) => table.Split('\n').First(l => l.StartsWith(id + " ", StringComparison.Ordinal)).TrimEnd();

        Assert.EndsWith(" dominated", Icer("dearer-worse"), StringComparison.Ordinal);
        Assert.EndsWith(" dominant", Icer("cheaper-better"), StringComparison.Ordinal);
        Assert.EndsWith(" 10000 saved", Icer("cheaper-worse"), StringComparison.Ordinal);
        Assert.EndsWith(" 10000", Icer("dearer-better"), StringComparison.Ordinal);
        Assert.DoesNotContain("-10000", table, StringComparison.Ordinal);
    }
}
