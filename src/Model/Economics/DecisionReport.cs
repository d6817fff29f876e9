using System.Globalization;
using System.Text.Json.Nodes;

namespace WardTwin.Model.Economics;

/// <summary>
/// The decision a board reads first (comparison.json "decision"): at the country's threshold, the option with the highest
/// expected net monetary benefit over the PSA's draws, its ICER against the comparator in words with the currency, the
/// probability it is the cost-effective one, and what more evidence would be worth: EVPI per patient and for the
/// population, and EVPPI per parameter group by regression (Strong, Oakley &amp; Brennan 2014).
/// </summary>
public static class DecisionReport
{
    /// <summary>Parameter groups for EVPPI, by the parameter file's names; prices are one group of their own.</summary>
    private static readonly (string Group, Func<string, bool> Member)[] Groups =
    [
        ("efficacy", n => n.StartsWith("pain.", StringComparison.Ordinal) && !n.StartsWith("pain.ke0", StringComparison.Ordinal)),
        ("pharmacokinetics", n => n.StartsWith("pk.", StringComparison.Ordinal)),
        ("side effects", n => n.StartsWith("side_effects.", StringComparison.Ordinal) || n.EndsWith("_disutility", StringComparison.Ordinal)),
        ("durability and retreatment", n => n.StartsWith("pain.ke0", StringComparison.Ordinal) || n.StartsWith("retreatment.", StringComparison.Ordinal)),
    ];

    /// <param name="populationPerYear">Patients a year, for the population EVPI over <paramref name="years"/> discounted at <paramref name="discountRate"/>.</param>
    public static JsonObject Json(PsaRun run, PsaEffect effect, IReadOnlyList<double> thresholds, string thresholdSource, string currency,
        double? populationPerYear, int years, double discountRate)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(thresholds);
        var strategies = run.Setup.Protocols.Select(p => run.Strategy(p.Id, effect)).ToArray();
        double threshold = thresholds[0];
        var points = Acceptability.Curve(strategies, thresholds);
        var point = points[0];
        int best = Array.IndexOf(point.ExpectedNetBenefit, point.ExpectedNetBenefit.Max());
        var comparator = strategies[0];
        var chosen = strategies[best];
        string unit = PsaEffects.Unit(effect);
        double dc = chosen.Cost.Average() - comparator.Cost.Average(), de = chosen.Effect.Average() - comparator.Effect.Average();
        var quadrant = Incremental.QuadrantOf(dc, de);
        double populationFactor = populationPerYear is { } perYear ? perYear * Enumerable.Range(0, Math.Max(years, 1)).Sum(y => Discounting.Factor(discountRate, y)) : double.NaN;
        return new JsonObject
        {
            ["effect"] = PsaEffects.Name(effect, run.Setup.Week, run.Setup.Horizon?.Years ?? 0),
            ["currency"] = currency,
            ["thresholds"] = new JsonArray([.. thresholds.Select(t => (JsonNode)t)]),
            ["threshold_used"] = threshold,
            ["threshold_source"] = thresholdSource,
            ["comparator"] = comparator.Id,
            ["recommended"] = chosen.Id,
            ["probability_cost_effective"] = point.ProbabilityCostEffective[best],
            ["net_monetary_benefit"] = new JsonObject(strategies.Select((s, i) => KeyValuePair.Create(s.Id, (JsonNode?)Math.Round(point.ExpectedNetBenefit[i], 2)))),
            ["delta_cost_vs_comparator"] = Math.Round(dc, 2),
            ["delta_effect_vs_comparator"] = Math.Round(de, 6),
            ["quadrant_vs_comparator"] = best == 0 ? null : quadrant.ToString(),
            // A ratio only where it is a price per gain or a saving per loss; a dominant option's negative ratio means nothing.
            ["icer_vs_comparator"] = best == 0 || de == 0 || quadrant is Quadrant.SouthEast or Quadrant.NorthWest ? null : Math.Round(dc / de, 0),
            ["in_words"] = Words(chosen.Id, comparator.Id, dc, de, quadrant, threshold, point.ProbabilityCostEffective[best], currency, unit),
            ["at_thresholds"] = new JsonArray([.. points.Select(p => (JsonNode)new JsonObject
            {
                ["threshold"] = p.Wtp,
                ["recommended"] = p.Optimal,
                ["probability_cost_effective"] = p.ProbabilityCostEffective[Array.IndexOf(p.ExpectedNetBenefit, p.ExpectedNetBenefit.Max())],
                ["evpi_per_patient"] = Math.Round(p.Evpi, 2),
            })]),
            ["evpi_per_patient"] = Math.Round(point.Evpi, 2),
            ["evpi_population"] = double.IsNaN(populationFactor) ? null : Math.Round(point.Evpi * populationFactor, 0),
            ["evppi"] = Evppis(run, strategies, threshold, populationFactor),
        };
    }

    private static string Words(string chosen, string comparator, double dc, double de, Quadrant quadrant, double threshold, double p, string currency, string unit)
    {
        string at = $"at {threshold.ToString("N0", CultureInfo.InvariantCulture)} {currency} per {unit}";
        string sure = $"the probability it is the cost-effective choice is {p.ToString("0.00", CultureInfo.InvariantCulture)}";
        if (chosen == comparator)
        {
            return $"{chosen} (the comparator) is recommended {at}: no alternative gains enough to justify its cost; {sure}.";
        }

        string gain = Math.Abs(de).ToString("0.####", CultureInfo.InvariantCulture);
        string icer = quadrant switch
        {
            Quadrant.SouthEast => $"it costs {Money(-dc, currency)} less per patient and gains {gain} {unit}s: it dominates {comparator}",
            Quadrant.NorthEast => $"it costs {Money(dc, currency)} more per patient for {gain} more {unit}s: {Money(dc / de, currency)} per {unit} gained against {comparator}",
            Quadrant.SouthWest => $"it saves {Money(-dc, currency)} per patient and loses {gain} {unit}s: {Money(dc / de, currency)} saved per {unit} forgone against {comparator}",
            // Recommended while dearer and no better: only when the comparator is not on the list of the chosen's rivals; said plainly.
            _ => $"it costs {Money(dc, currency)} more per patient and gains no {unit}s over {comparator}",
        };
        return $"{chosen} is recommended {at}: {icer}; {sure}.";
    }

    private static string Money(double v, string currency) => $"{Math.Round(v).ToString("N0", CultureInfo.InvariantCulture)} {currency}";

    private static JsonArray Evppis(PsaRun run, StrategyDraws[] strategies, double threshold, double populationFactor)
    {
        var result = new JsonArray();
        int draws = strategies[0].Cost.Length;
        var names = run.ParameterDraws.Count == 0 ? [] : run.ParameterDraws[0].Keys.Order(StringComparer.Ordinal).ToArray();
        var groups = Groups.Select(g => (g.Group, Columns: names.Where(g.Member).ToArray(), Prices: false)).ToList();
        var priceItems = run.PriceDraws.Count == 0 ? [] : run.PriceDraws[0].Items.Keys.Order(StringComparer.Ordinal).ToArray();
        groups.Add(("prices", priceItems, true));
        foreach (var (group, columns, prices) in groups)
        {
            if (columns.Length == 0 || columns.Length * 2 >= draws)
            {
                result.Add(new JsonObject { ["group"] = group, ["parameters"] = columns.Length, ["per_patient"] = null, ["why_not"] = columns.Length == 0 ? "no parameter of this group is drawn" : $"{columns.Length} parameters need more than {draws} draws" });
                continue;
            }

            var x = Enumerable.Range(0, draws).Select(d => columns.Select(c => prices ? run.PriceDraws[d][c] : run.ParameterDraws[d][c]).ToArray()).ToArray();
            EvppiResult r;
            try
            {
                r = Evppi.Fit(strategies, x).At(threshold);
            }
            catch (ArgumentException e)
            {
                // Too few draws for the group's varying parameters: said in the result, the rest of the decision stands.
                result.Add(new JsonObject { ["group"] = group, ["parameters"] = columns.Length, ["per_patient"] = null, ["why_not"] = e.Message });
                continue;
            }

            result.Add(new JsonObject
            {
                ["group"] = group,
                ["parameters"] = columns.Length,
                ["per_patient"] = Math.Round(r.Evppi, 2),
                ["standard_error"] = Math.Round(r.StandardError, 2),
                ["population"] = double.IsNaN(populationFactor) ? null : Math.Round(r.Evppi * populationFactor, 0),
                ["clipped"] = r.Clip == EvppiClip.None ? null : r.Clip.ToString(),
            });
        }

        return result;
    }
}
