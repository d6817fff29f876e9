using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MathNet.Numerics.Statistics;

namespace WardTwin.Model.Economics;

/// <summary>
/// A probabilistic comparison written out: psa.json (per protocol means with 95 % intervals, each protocol
/// against the comparator with the quadrant in words and the plane's points, the efficiency frontier, the
/// acceptability curve with EVPI and expected net benefit, what was drawn and what was held), psa.csv (one
/// row per draw × protocol with the drawn parameters and prices) and psa_wide.csv (one row per draw, a cost
/// and effect column per protocol: the matrices BCEA's bcea(e, c) and dampack's make_psa_obj take).
/// </summary>
public static class PsaReport
{
    public static JsonObject Json(PsaRun run, PsaEffect effect, IReadOnlyList<double> wtps)
    {
        ArgumentNullException.ThrowIfNull(run);
        var setup = run.Setup;
        int week = setup.Week;
        double years = setup.Horizon?.Years ?? 0;
        var ids = setup.Protocols.Select(p => p.Id).ToArray();
        var strategies = ids.Select(id => run.Strategy(id, effect)).ToArray();
        string effectName = PsaEffects.Name(effect, week, years);
        var (drawn, held) = ParameterSampler.Coverage(setup.Parameters);

        var perProtocol = new JsonArray();
        foreach (string id in ids)
        {
            var rows = run.Rows.Where(r => r.Protocol == id).ToArray();
            var effects = new JsonObject();
            for (int e = 0; e < PsaEffects.All.Count; e++)
            {
                effects[PsaEffects.Name(PsaEffects.All[e], week, years)] = Interval(rows.Select(r => r.Effects[e]).ToArray());
            }

            perProtocol.Add(new JsonObject { ["protocol"] = id, ["cost"] = Interval(rows.Select(r => r.Cost).ToArray()), ["effects"] = effects });
        }

        var incremental = new JsonArray();
        foreach (var s in strategies.Skip(1))
        {
            var inc = Incremental.Of(s, strategies[0], PsaEffects.Words(effect, week, years), PsaEffects.Unit(effect), run.Setup.Prices.Currency);
            incremental.Add(new JsonObject
            {
                ["protocol"] = inc.Strategy,
                ["comparator"] = inc.Comparator,
                ["delta_cost"] = Triple(inc.DeltaCost, inc.DeltaCostLow, inc.DeltaCostHigh),
                ["delta_effect"] = Triple(inc.DeltaEffect, inc.DeltaEffectLow, inc.DeltaEffectHigh),
                ["icer"] = inc.Icer is { } icer ? R(icer) : null,
                ["quadrant"] = inc.Quadrant.ToString(),
                ["in_words"] = inc.InWords,
                ["share_of_draws"] = new JsonObject { ["north_east"] = R(inc.ShareNorthEast), ["south_east"] = R(inc.ShareSouthEast), ["north_west"] = R(inc.ShareNorthWest), ["south_west"] = R(inc.ShareSouthWest) },
                ["plane"] = new JsonArray([.. Enumerable.Range(0, s.Draws).Select(d => (JsonNode)new JsonArray(R(s.Effect[d] - strategies[0].Effect[d]), R(s.Cost[d] - strategies[0].Cost[d])))]),
            });
        }

        var frontier = new JsonArray([.. EfficiencyFrontier.Analyse(strategies.Select(s => (s.Id, s.Cost.Mean(), s.Effect.Mean())).ToArray()).Select(f => (JsonNode)new JsonObject
        {
            ["protocol"] = f.Id,
            ["cost"] = R(f.Cost),
            ["effect"] = R(f.Effect),
            ["status"] = f.Status switch { FrontierStatus.Frontier => "frontier", FrontierStatus.Dominated => "dominated", _ => "extendedly dominated" },
            ["compared_with"] = f.ComparedWith,
            ["icer"] = f.Icer is { } i ? R(i) : null,
        })]);

        var ceac = new JsonArray([.. Acceptability.Curve(strategies, wtps).Select(p => (JsonNode)new JsonObject
        {
            ["wtp"] = p.Wtp,
            ["probability_cost_effective"] = Named(ids, p.ProbabilityCostEffective),
            ["expected_net_benefit"] = Named(ids, p.ExpectedNetBenefit),
            ["optimal"] = p.Optimal,
            ["evpi_per_patient"] = R(p.Evpi),
        })]);

        return new JsonObject
        {
            ["draws"] = setup.Draws,
            ["patients_per_draw"] = setup.Patients,
            ["seed"] = setup.Seed,
            ["common_random_numbers"] = "every protocol in every draw runs the same virtual patients (same seed)",
            ["comparator"] = ids[0],
            ["effect"] = effectName,
            ["follow_up_week"] = week,
            ["currency"] = setup.Prices.Currency,
            ["price_cv"] = setup.Prices.Psa?.PriceCv,
            ["parameters_drawn"] = new JsonArray([.. drawn.Select(n => (JsonNode)Describe(n, setup.Parameters.Entries[n]))]),
            ["parameters_held"] = new JsonObject
            {
                ["names"] = new JsonArray([.. held.Select(n => (JsonNode)n)]),
                ["why"] = "assumed, not fitted by calibrate and with no published interval: no spread to draw from, held at their values (a known gap)",
            },
            ["protocols"] = perProtocol,
            ["incremental"] = incremental,
            ["frontier"] = frontier,
            ["ceac"] = ceac,
        };
    }

    public static string LongCsv(PsaRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var names = run.ParameterDraws.Count == 0 ? [] : run.ParameterDraws[0].Keys.ToArray();
        var items = run.PriceDraws.Count == 0 ? [] : run.PriceDraws[0].Items.Keys.Order(StringComparer.Ordinal).ToArray();
        var csv = new StringBuilder();
        csv.AppendJoin(',', ["draw", "protocol", "cost", .. PsaEffects.All.Select(e => PsaEffects.Name(e, run.Setup.Week, run.Setup.Horizon?.Years ?? 0)), .. names, .. items.Select(i => "price." + i)]).Append('\n');
        foreach (var r in run.Rows)
        {
            var p = run.ParameterDraws[r.Draw - 1];
            var prices = run.PriceDraws[r.Draw - 1];
            csv.AppendJoin(',', [r.Draw.ToString(CultureInfo.InvariantCulture), r.Protocol, F(r.Cost), .. r.Effects.Select(F), .. names.Select(n => F(p[n])), .. items.Select(i => F(prices[i]))]).Append('\n');
        }

        return csv.ToString();
    }

    public static string WideCsv(PsaRun run, PsaEffect effect)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ids = run.Setup.Protocols.Select(p => p.Id).ToArray();
        var strategies = ids.Select(id => run.Strategy(id, effect)).ToArray();
        var csv = new StringBuilder();
        csv.AppendJoin(',', ["draw", .. ids.Select(i => "cost_" + i), .. ids.Select(i => "effect_" + i)]).Append('\n');
        for (int d = 0; d < strategies[0].Draws; d++)
        {
            csv.AppendJoin(',', [(d + 1).ToString(CultureInfo.InvariantCulture), .. strategies.Select(s => F(s.Cost[d])), .. strategies.Select(s => F(s.Effect[d]))]).Append('\n');
        }

        return csv.ToString();
    }

    private static JsonObject Describe(string name, Parameters.ParameterEntry entry) => new()
    {
        ["name"] = name,
        ["value"] = entry.Value,
        ["distribution"] = entry.Uncertainty!.Distribution.ToString().ToLowerInvariant(),
        ["ci_low"] = entry.Uncertainty.CiLow,
        ["ci_high"] = entry.Uncertainty.CiHigh,
        ["n"] = entry.Uncertainty.N,
        ["source"] = entry.Uncertainty.Source,
    };

    private static JsonObject Interval(double[] values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? new JsonObject { ["mean"] = null }
            : Triple(sorted.Average(), SortedArrayStatistics.Quantile(sorted, 0.025), SortedArrayStatistics.Quantile(sorted, 0.975));
    }

    private static JsonObject Triple(double mean, double low, double high) => new() { ["mean"] = R(mean), ["ci_low"] = R(low), ["ci_high"] = R(high) };

    private static JsonObject Named(string[] ids, double[] values)
    {
        var o = new JsonObject();
        for (int i = 0; i < ids.Length; i++)
        {
            o[ids[i]] = R(values[i]);
        }

        return o;
    }

    private static double R(double x) => Math.Round(x, 6);

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
