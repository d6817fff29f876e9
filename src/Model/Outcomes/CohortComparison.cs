using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WardTwin.Model.Economics;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Protocols side by side (typed <see cref="ComparisonRow"/>s): response, side effects, stay and cost, and the
/// incremental cost per extra responder against the first (the comparator). T2 is each protocol's own
/// follow-up visit, so its week is stated beside it; responders at a common week after treatment compare
/// like with like. The JSON, the table and the CSV are all written from the same rows.
/// </summary>
public static class CohortComparison
{
    public const int DefaultFollowUpWeek = 12;

    /// <summary>Each cohort against the first (the comparator); the follow-up week is the one the cohorts were gathered for.</summary>
    public static IReadOnlyList<ComparisonRow> Build(IReadOnlyList<CohortTotals> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        return cohorts.Select(r => ComparisonRow.Of(r, cohorts[0])).ToArray();
    }

    public static JsonArray Json(IReadOnlyList<ComparisonRow> rows) => new([.. rows.Select(r => (JsonNode)r.ToJson())]);

    /// <summary>comparison.json: where it comes from, the comparator, a row per protocol, the frontier, and the probabilistic analysis if one ran.</summary>
    public static JsonObject Document(IReadOnlyList<ComparisonRow> rows, JsonObject provenance, JsonObject? psa = null) => new()
    {
        ["provenance"] = provenance,
        ["comparator"] = rows.Count > 0 ? rows[0].Protocol : null,
        ["protocols"] = Json(rows),
        ["frontier"] = FrontierJson(rows),
        ["psa"] = psa,
    };

    /// <summary>Sequential ICERs per extra T1 responder on the efficiency frontier, with dominance and extended dominance.</summary>
    public static IReadOnlyList<FrontierRow> Frontier(IReadOnlyList<ComparisonRow> rows) =>
        EfficiencyFrontier.Analyse(rows.Select(r => (r.Protocol, r.CostPerPatient, r.RespondersT1)).ToArray());

    public static string Table(IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        int week = rows.Count > 0 ? rows[0].FollowUpWeek : DefaultFollowUpWeek;
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"protocol",-26} {"n",6} {"resp T1 (95% CI)",20} {"resp T2 @wk",12} {"resp wk " + week,10} {"any SE",7} {"eff mg/h",9} {"bed-days",9} {"chair-h",8} {"cost/pt",10} {"cost/resp",10} {"ICER vs 1st",12}");
        foreach (var r in rows)
        {
            string resp = $"{Pct(r.RespondersT1)} ({Pct(r.RespondersT1CiLow)}-{Pct(r.RespondersT1CiHigh)})";
            string t2 = $"{Pct(r.RespondersT2)} @{(r.T2WeeksAfterEndMedian is { } w ? w.ToString("0.#", CultureInfo.InvariantCulture) : "-")}";
            string dose = r.EffectiveMgPerHMedian is { } e ? e.ToString("0.0", CultureInfo.InvariantCulture) : "-";
            string perResp = r.CostPerResponderT1 is { } pr ? pr.ToString("0", CultureInfo.InvariantCulture) : "-";
            string icer = r.Increment is { } inc ? IcerCell(inc) : "-";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Protocol,-26} {r.Patients,6} {resp,20} {t2,12} {Pct(r.RespondersAtWeek),10} {Pct(r.AnySideEffect),7} {dose,9} {r.BedDaysMean,9:0.00} {r.ChairHoursMean,8:0.0} {r.CostPerPatient,10:0} {perResp,10} {icer,12}");
        }

        if (rows.Count == 0)
        {
            return sb.ToString();
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"costs in {rows[0].Currency}; T1 = end of treatment; T2 = each protocol's own follow-up visit, @ its median week after the end; wk {week} = the same week after the end for every protocol");
        sb.AppendLine(CultureInfo.InvariantCulture, $"ICER = incremental cost per extra T1 responder (>= 2 points) against {rows[0].Protocol} (the comparator); \"saved\": a saving per responder forgone; dominated/dominant: no ratio worth reading");
        foreach (var r in rows.Where(r => r.Increment is not null))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Increment!.InWords}");
        }

        if (rows.Count > 2)
        {
            sb.AppendLine("efficiency frontier (sequential ICERs, cheapest first):");
            foreach (var f in Frontier(rows))
            {
                string icerText = f.Icer is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0} per extra responder vs {f.ComparedWith}") : string.Empty;
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {f.Id,-26} {Status(f.Status),-22} {icerText}");
            }
        }

        return sb.ToString();
    }

    /// <summary>The comparison as CSV, one protocol a row, for planners to hand on.</summary>
    public static string Csv(IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var json = Json(rows);
        string weekColumn = rows.Count > 0 ? rows[0].WeekColumn : $"responders_week_{DefaultFollowUpWeek}_2pt";
        string[] columns = ["protocol", "patients", "responders_t1_2pt", "responders_t2_2pt", "t2_weeks_after_end_median", weekColumn, "any_side_effect", "effective_mg_per_h_median", "bed_days_mean", "chair_hours_mean", "cost_per_patient", "cost_per_responder_t1", "currency", "vs", "incremental_cost", "incremental_responders_t1", "cost_per_extra_responder_t1", "quadrant", "in_words", "bed_days_freed"];
        var sb = new StringBuilder().AppendJoin(',', columns).Append('\n');
        foreach (var row in json)
        {
            sb.AppendJoin(',', columns.Select(c => row![c] is { } v ? Cell(v) : string.Empty)).Append('\n');
        }

        return sb.ToString();
    }

    private static JsonArray FrontierJson(IReadOnlyList<ComparisonRow> rows) => new([.. Frontier(rows).Select(f => (JsonNode)new JsonObject
    {
        ["protocol"] = f.Id,
        ["cost_per_patient"] = Math.Round(f.Cost, 4),
        ["responders_t1_2pt"] = Math.Round(f.Effect, 4),
        ["status"] = Status(f.Status),
        ["compared_with"] = f.ComparedWith,
        ["icer_per_extra_responder_t1"] = f.Icer is { } i ? Math.Round(i, 4) : null,
    })]);

    /// <summary>The ICER column in words where a number would mislead: a dominated option's ratio is negative, and a saving per responder forgone is not a price.</summary>
    private static string IcerCell(ComparisonIncrement i)
    {
        bool moved = i.Cost != 0 || i.RespondersT1 != 0;
        return moved && i.Cost <= 0 && i.RespondersT1 >= 0 ? "dominant"
            : moved && i.Cost >= 0 && i.RespondersT1 <= 0 ? "dominated"
            : i.CostPerExtraResponderT1 is not { } v ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{v:0}{(i.Cost < 0 ? " saved" : string.Empty)}");
    }

    private static string Status(FrontierStatus s) => s switch { FrontierStatus.Frontier => "frontier", FrontierStatus.Dominated => "dominated", _ => "extendedly dominated" };

    /// <summary>A CSV cell: text with a comma or quote is quoted.</summary>
    private static string Cell(JsonNode v)
    {
        string text = v is JsonValue value && value.TryGetValue<string>(out var str) ? str : v.ToJsonString();
        return text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static string Pct(double? x) => x is double v ? (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-";
}
