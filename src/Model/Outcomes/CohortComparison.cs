using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Protocols side by side: response, side effects, stay and cost, and the incremental cost per extra responder
/// against the first (the comparator). T2 is each protocol's own follow-up visit, so its week is stated beside
/// it; responders at a common week after treatment compare like with like.
/// </summary>
public static class CohortComparison
{
    public const int DefaultFollowUpWeek = 12;

    /// <summary>comparison.json: where it comes from, the comparator, a row per protocol, and the probabilistic analysis if one ran.</summary>
    public static JsonObject Document(JsonArray rows, JsonObject provenance, JsonObject? psa = null) => new()
    {
        ["provenance"] = provenance,
        ["comparator"] = rows.Count > 0 ? rows[0]!["protocol"]!.DeepClone() : null,
        ["protocols"] = rows,
        ["frontier"] = Frontier(rows),
        ["psa"] = psa,
    };

    /// <summary>Sequential ICERs per extra T1 responder on the efficiency frontier, with dominance and extended dominance.</summary>
    public static JsonArray Frontier(JsonArray rows)
    {
        var strategies = rows.Select(r => ((string)r!["protocol"]!, (double)r["cost_per_patient"]!, (double)r["responders_t1_2pt"]!)).ToArray();
        return new JsonArray([.. Economics.EfficiencyFrontier.Analyse(strategies).Select(f => (JsonNode)new JsonObject
        {
            ["protocol"] = f.Id,
            ["cost_per_patient"] = Round(f.Cost),
            ["responders_t1_2pt"] = Round(f.Effect),
            ["status"] = f.Status switch { Economics.FrontierStatus.Frontier => "frontier", Economics.FrontierStatus.Dominated => "dominated", _ => "extendedly dominated" },
            ["compared_with"] = f.ComparedWith,
            ["icer_per_extra_responder_t1"] = f.Icer is { } i ? Round(i) : null,
        })]);
    }

    public static JsonArray Build(IReadOnlyList<CohortResult> results, int followUpWeek = DefaultFollowUpWeek)
    {
        var rows = new JsonArray();
        CohortResult? reference = results.Count > 0 ? results[0] : null;
        foreach (var r in results)
        {
            var a = r.Admissions;
            int n = a.Length;
            var t1 = Proportion.Of(a.Count(x => x.ResponderT1TwoPoints), n);
            var t2 = Proportion.Of(a.Count(x => x.ResponderT2TwoPoints), n);
            double cost = r.Costs.Length == 0 ? 0 : r.Costs.Average(c => c.Total);
            int responders = a.Count(x => x.ResponderT1TwoPoints);
            var row = new JsonObject
            {
                ["protocol"] = r.Protocol.Id,
                ["patients"] = n,
                ["responders_t1_2pt"] = Round(t1.Rate),
                ["responders_t1_2pt_ci"] = new JsonArray(Round(t1.CiLow), Round(t1.CiHigh)),
                ["responders_t2_2pt"] = Round(t2.Rate),
                ["t2_weeks_after_end_median"] = n == 0 ? null : Round(Dist.Of(a.Select(x => x.T2WeeksAfterEnd)).Median),
                [$"responders_week_{followUpWeek}_2pt"] = n == 0 ? null : Round(a.Count(x => followUpWeek <= x.WeeklyNrsAfter.Length && x.NrsT0 - x.WeeklyNrsAfter[followUpWeek - 1] >= 2) / (double)n),
                ["any_side_effect"] = Round(n == 0 ? 0 : a.Count(x => x.AnySideEffect) / (double)n),
                // No effective rate (session protocols have none) is no data, not zero.
                ["effective_mg_per_h_median"] = a.Any(x => x.EffectiveRateMgPerH is not null) ? Round(Dist.Of(a.Where(x => x.EffectiveRateMgPerH is not null).Select(x => x.EffectiveRateMgPerH!.Value)).Median) : null,
                ["bed_days_mean"] = Round(n == 0 ? 0 : a.Average(x => x.BedDays)),
                ["chair_hours_mean"] = Round(n == 0 ? 0 : a.Average(x => x.DayCareSessions == 0 ? 0 : x.TreatmentH > 0 ? SessionHours(r) * x.DayCareSessions : 0)),
                ["cost_per_patient"] = Round(cost),
                ["cost_per_responder_t1"] = responders == 0 ? null : Round(cost * n / responders),
                ["currency"] = r.Prices.Currency,
            };
            if (reference is not null && !ReferenceEquals(r, reference))
            {
                double refCost = reference.Costs.Length == 0 ? 0 : reference.Costs.Average(c => c.Total);
                double refRate = Proportion.Of(reference.Admissions.Count(x => x.ResponderT1TwoPoints), reference.Admissions.Length).Rate;
                double dRate = t1.Rate - refRate;
                row["vs"] = reference.Protocol.Id;
                row["incremental_cost"] = Round(cost - refCost);
                row["incremental_responders_t1"] = Round(dRate);
                row["cost_per_extra_responder_t1"] = Math.Abs(dRate) < 1e-12 ? null : Round((cost - refCost) / dRate);
                row["quadrant"] = Quadrant(cost - refCost, dRate);
                row["in_words"] = InWords(r.Protocol.Id, reference.Protocol.Id, cost - refCost, dRate, r.Prices.Currency);
                row["bed_days_freed"] = Round(reference.Admissions.Average(x => x.BedDays) - (n == 0 ? 0 : a.Average(x => x.BedDays)));
            }

            rows.Add(row);
        }

        return rows;
    }

    public static string Table(JsonArray rows)
    {
        var sb = new StringBuilder();
        string weekColumn = rows.Count > 0 ? rows[0]!.AsObject().Select(p => p.Key).FirstOrDefault(k => k.StartsWith("responders_week_", StringComparison.Ordinal)) ?? "" : "";
        string week = weekColumn.Replace("responders_week_", "", StringComparison.Ordinal).Replace("_2pt", "", StringComparison.Ordinal);
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"protocol",-26} {"n",6} {"resp T1 (95% CI)",20} {"resp T2 @wk",12} {"resp wk " + week,10} {"any SE",7} {"eff mg/h",9} {"bed-days",9} {"chair-h",8} {"cost/pt",10} {"cost/resp",10} {"ICER vs 1st",12}");
        foreach (var row in rows)
        {
            var r = row!.AsObject();
            var ci = r["responders_t1_2pt_ci"]!.AsArray();
            string resp = $"{Pct(r["responders_t1_2pt"])} ({Pct(ci[0])}-{Pct(ci[1])})";
            string icer = r["cost_per_extra_responder_t1"] is { } v ? v.GetValue<double>().ToString("0", CultureInfo.InvariantCulture) : "-";
            string perResp = r["cost_per_responder_t1"] is { } pr ? pr.GetValue<double>().ToString("0", CultureInfo.InvariantCulture) : "-";
            string t2 = $"{Pct(r["responders_t2_2pt"])} @{(r["t2_weeks_after_end_median"] is { } w ? w.GetValue<double>().ToString("0.#", CultureInfo.InvariantCulture) : "-")}";
            string dose = r["effective_mg_per_h_median"] is { } e ? e.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture) : "-";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{(string)r["protocol"]!,-26} {(int)r["patients"]!,6} {resp,20} {t2,12} {Pct(r[weekColumn]),10} {Pct(r["any_side_effect"]),7} {dose,9} {(double)r["bed_days_mean"]!,9:0.00} {(double)r["chair_hours_mean"]!,8:0.0} {(double)r["cost_per_patient"]!,10:0} {perResp,10} {icer,12}");
        }

        if (rows.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"costs in {(string)rows[0]!["currency"]!}; T1 = end of treatment; T2 = each protocol's own follow-up visit, @ its median week after the end; wk {week} = the same week after the end for every protocol");
            sb.AppendLine(CultureInfo.InvariantCulture, $"ICER = incremental cost per extra T1 responder (>= 2 points) against {(string)rows[0]!["protocol"]!} (the comparator)");
            foreach (var row in rows.Skip(1))
            {
                if (row!["in_words"] is { } words)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  {(string)words!}");
                }
            }

            if (rows.Count > 2)
            {
                sb.AppendLine("efficiency frontier (sequential ICERs, cheapest first):");
                foreach (var f in Frontier(rows))
                {
                    string icerText = f!["icer_per_extra_responder_t1"] is { } v ? $"{v.GetValue<double>():0} per extra responder vs {(string)f["compared_with"]!}" : string.Empty;
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  {(string)f["protocol"]!,-26} {(string)f["status"]!,-22} {icerText}");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>The comparison as CSV, one protocol a row, for planners to hand on.</summary>
    public static string Csv(JsonArray rows)
    {
        string weekColumn = rows.Count > 0 ? rows[0]!.AsObject().Select(p => p.Key).FirstOrDefault(k => k.StartsWith("responders_week_", StringComparison.Ordinal)) ?? "responders_week" : "responders_week";
        string[] columns = ["protocol", "patients", "responders_t1_2pt", "responders_t2_2pt", "t2_weeks_after_end_median", weekColumn, "any_side_effect", "effective_mg_per_h_median", "bed_days_mean", "chair_hours_mean", "cost_per_patient", "cost_per_responder_t1", "currency", "vs", "incremental_cost", "incremental_responders_t1", "cost_per_extra_responder_t1", "quadrant", "in_words", "bed_days_freed"];
        var sb = new StringBuilder().AppendJoin(',', columns).Append('\n');
        foreach (var row in rows)
        {
            sb.AppendJoin(',', columns.Select(c => row![c] is { } v ? Cell(v) : string.Empty)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Which side of the reference a protocol falls: a ratio of two negatives means savings per responder forgone.</summary>
    private static string Quadrant(double dCost, double dResponders) => (dCost <= 0, dResponders >= 0) switch
    {
        (true, true) => "dominant: cheaper and at least as effective",
        (false, false) => "dominated: dearer and less effective",
        (false, true) => "dearer and more effective: cost per extra responder",
        (true, false) => "cheaper and less effective: saving per responder forgone",
    };

    /// <summary>A CSV cell: text with a comma or quote is quoted.</summary>
    private static string Cell(JsonNode v)
    {
        string text = v is JsonValue value && value.TryGetValue<string>(out var str) ? str : v.ToJsonString();
        return text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static string InWords(string protocol, string comparator, double dCost, double dResponders, string currency) => (dCost > 0, dResponders > 0) switch
    {
        (true, true) => $"{protocol} costs {dCost:0} {currency} more per patient than {comparator} and gives {dResponders * 100:0.#} more T1 responders per 100: {dCost / dResponders:0} {currency} per extra responder",
        (false, true) => $"{protocol} costs {-dCost:0} {currency} less per patient than {comparator} and gives {dResponders * 100:0.#} more T1 responders per 100: it dominates",
        (true, false) => $"{protocol} costs {dCost:0} {currency} more per patient than {comparator} and gives {-dResponders * 100:0.#} fewer T1 responders per 100: it is dominated",
        _ => Math.Abs(dResponders) < 1e-12
            ? $"{protocol} costs {-dCost:0} {currency} less per patient than {comparator} for the same T1 responders"
            : $"{protocol} costs {-dCost:0} {currency} less per patient than {comparator} and gives {-dResponders * 100:0.#} fewer T1 responders per 100: {dCost / dResponders:0} {currency} saved per responder forgone",
    };

    private static double SessionHours(CohortResult r) => r.Protocol.Schedule.SessionH ?? 0;

    private static string Pct(JsonNode? x) => x is null ? "-" : (x.GetValue<double>() * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static double Round(double x) => double.IsFinite(x) ? Math.Round(x, 4) : 0;
}
