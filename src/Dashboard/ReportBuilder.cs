using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace WardTwin.Dashboard;

/// <summary>
/// A planner's report as one self-contained HTML file (Chart.js, styles, renderer and data inlined) from a `cohort`
/// output folder (comparison.json, each protocol's summary.json, psa_wide.csv) and/or a `capacity` one (capacity.json).
/// </summary>
public static class ReportBuilder
{
    public static string Html(string dir) => Html(FromDirectory(dir));

    /// <summary>What the report draws, from an output folder: comparison, summaries and PSA draws, and/or capacity.</summary>
    public static JsonObject FromDirectory(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new ArgumentException($"{dir}: no such folder");
        }

        var data = new JsonObject { ["title"] = $"WardTwin planner report: {Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/'))}" };
        string comparisonPath = Path.Combine(dir, "comparison.json"), capacityPath = Path.Combine(dir, "capacity.json");
        if (!File.Exists(comparisonPath) && !File.Exists(capacityPath))
        {
            throw new ArgumentException($"{dir}: neither comparison.json (from cohort) nor capacity.json (from capacity) is there");
        }

        if (File.Exists(comparisonPath))
        {
            var comparison = Read(comparisonPath);
            data["comparison"] = comparison;
            var summaries = new JsonObject();
            foreach (var row in comparison["protocols"]!.AsArray())
            {
                string id = row!["protocol"]!.GetValue<string>();
                string summary = Path.Combine(dir, id, "summary.json");
                summaries[id] = File.Exists(summary) ? Read(summary) : throw new ArgumentException($"{summary}: missing (the cohort folder is incomplete)");
            }

            data["summaries"] = summaries;
            if (comparison["psa"] is { } psa && File.Exists(Path.Combine(dir, "psa_wide.csv")))
            {
                data["psaDraws"] = PsaDraws(Path.Combine(dir, "psa_wide.csv"), psa["comparator"]!.GetValue<string>());
            }
        }

        if (File.Exists(capacityPath))
        {
            data["capacity"] = Read(capacityPath);
        }

        return data;
    }

    /// <summary>The report from what it draws (a planner's run held by the dashboard, or a folder's files).</summary>
    public static string Html(JsonObject data)
    {
        static string Script(string code) => "<script>" + code.Replace("</", "<\\/", StringComparison.Ordinal) + "</script>\n";
        var html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(System.Net.WebUtility.HtmlEncode(data["title"]!.GetValue<string>())).Append("</title>\n");
        html.Append("<style>").Append(EmbeddedPages.Read("style.css")).Append(EmbeddedPages.Read("report.css")).Append("</style>\n");
        html.Append(Script(EmbeddedPages.Read("lib/chart.umd.min.js")));
        html.Append(Script(EmbeddedPages.Read("common.js")));
        html.Append(Script(EmbeddedPages.Read("report-decision.js")));
        html.Append(Script(EmbeddedPages.Read("report.js")));
        html.Append("</head><body><main id=\"report\"></main>\n");
        html.Append(Script($"renderReport({data.ToJsonString()}, document.getElementById('report'));"));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static JsonNode Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new ArgumentException($"{path}: empty");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException($"{path}: not JSON ({ex.Message})");
        }
    }

    /// <summary>Each draw's cost and effect difference from the comparator, per other protocol (the CE plane's points).</summary>
    private static JsonArray PsaDraws(string path, string comparator)
    {
        var lines = File.ReadAllLines(path);
        var head = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(head, name) is >= 0 and var i ? i : throw new ArgumentException($"{path}: no column {name}");
        var others = head.Where(h => h.StartsWith("cost_", StringComparison.Ordinal)).Select(h => h[5..]).Where(p => p != comparator);
        var result = new JsonArray();
        foreach (var p in others)
        {
            var points = new JsonArray();
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var v = line.Split(',');
                double F(string col) => double.Parse(v[Col(col)], CultureInfo.InvariantCulture);
                points.Add(new JsonObject { ["x"] = F($"effect_{p}") - F($"effect_{comparator}"), ["y"] = F($"cost_{p}") - F($"cost_{comparator}") });
            }

            result.Add(new JsonObject { ["protocol"] = p, ["points"] = points });
        }

        return result;
    }
}
