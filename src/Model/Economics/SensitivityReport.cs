using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Economics;

/// <summary>The one-way analysis (a tornado) and the scenario sweep, for comparison.json and the console.</summary>
public static class SensitivityReport
{
    public static JsonObject OneWayJson(StrategyEvaluator evaluator, IReadOnlyList<OneWayRow> rows, Pair at, double wtp, string currency)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(at);
        return new JsonObject
        {
            ["protocol"] = evaluator.Protocols[1].Id,
            ["comparator"] = evaluator.Protocols[0].Id,
            ["effect"] = "responders_t1",
            ["wtp"] = wtp,
            ["currency"] = currency,
            ["base"] = PairJson(at),
            ["tornado"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["input"] = r.Input,
                ["base"] = R(r.Base),
                ["low"] = R(r.Low),
                ["high"] = R(r.High),
                ["at_low"] = PairJson(r.AtLow),
                ["at_high"] = PairJson(r.AtHigh),
                ["span"] = R(r.Span(at.IncrementalNetBenefit)),
                ["range_source"] = r.Source,
            })]),
        };
    }

    public static JsonArray ScenariosJson(StrategyEvaluator evaluator, IReadOnlyList<Scenario> scenarios, ParameterFile parameters, PriceList prices)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(scenarios);
        var result = new JsonArray();
        foreach (var s in scenarios)
        {
            var values = s.Evaluate(evaluator, parameters, prices);
            var protocols = new JsonArray();
            for (int i = 0; i < values.Length; i++)
            {
                var row = new JsonObject { ["protocol"] = evaluator.Protocols[i].Id, ["cost"] = R(values[i].Cost), ["responders_t1"] = R(values[i].Effect) };
                if (i > 0)
                {
                    double dc = values[i].Cost - values[0].Cost, de = values[i].Effect - values[0].Effect;
                    row["vs"] = evaluator.Protocols[0].Id;
                    row["incremental_cost"] = R(dc);
                    row["incremental_responders_t1"] = R(de);
                    row["icer"] = Math.Abs(de) < 1e-12 ? null : R(dc / de);
                    row["quadrant"] = Incremental.QuadrantOf(dc, de).ToString();
                }

                protocols.Add(row);
            }

            result.Add(new JsonObject
            {
                ["name"] = s.Name,
                ["prices"] = Values(s.Prices),
                ["parameters"] = Values(s.Parameters),
                ["protocols"] = protocols,
            });
        }

        return result;
    }

    /// <summary>The tornado as text: each input's low and high ends and the net benefit there, widest first.</summary>
    public static string Tornado(JsonObject oneWay)
    {
        ArgumentNullException.ThrowIfNull(oneWay);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"one-way: {(string)oneWay["protocol"]!} vs {(string)oneWay["comparator"]!}, incremental net benefit at {(double)oneWay["wtp"]!:0} {(string)oneWay["currency"]!} per extra T1 responder (base {(double)oneWay["base"]!["incremental_net_benefit"]!:0})");
        foreach (var row in oneWay["tornado"]!.AsArray().Take(12))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {(string)row!["input"]!,-52} {(double)row["low"]!,10:0.###} .. {(double)row["high"]!,-10:0.###} net benefit {(double)row["at_low"]!["incremental_net_benefit"]!,9:0} .. {(double)row["at_high"]!["incremental_net_benefit"]!,-9:0}");
        }

        return sb.ToString();
    }

    private static JsonObject PairJson(Pair p) => new()
    {
        ["incremental_cost"] = R(p.DeltaCost),
        ["incremental_responders_t1"] = R(p.DeltaEffect),
        ["icer"] = p.Icer is { } i ? R(i) : null,
        ["quadrant"] = Incremental.QuadrantOf(p.DeltaCost, p.DeltaEffect).ToString(),
        ["incremental_net_benefit"] = R(p.IncrementalNetBenefit),
    };

    private static JsonObject Values(IReadOnlyDictionary<string, double> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o[k] = v;
        }

        return o;
    }

    private static double R(double x) => Math.Round(x, 6);
}
