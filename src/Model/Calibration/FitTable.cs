using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace WardTwin.Model.Calibration;

/// <summary>
/// The markdown form of a parameter file's fit section: the targets as the fit left them and the fitted
/// parameters. The README's table is this text, so it is regenerated from the shipped file, never typed.
/// </summary>
public static class FitTable
{
    public static string Markdown(JsonObject fit)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| target | published | 95 % interval | simulated | residual | inside |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in fit["targets"]?.AsArray() ?? [])
        {
            var r = row!.AsObject();
            string name = (string)r["target"]! + ((bool?)r["fitted_to"] == false ? " (not fitted)" : string.Empty);
            bool inside = (bool?)r["inside"] == true;
            string verdict = inside ? "yes" : r["known_gap"] is not null ? "no (known gap)" : "**no**";
            double published = (double)r["published"]!;
            string interval, simulated;
            if ((string?)r["rule"] == "binomial-median")
            {
                interval = F($"share ≤ {published:0.###} within {(double)r["low"]!:0.###}–{(double)r["high"]!:0.###}");
                simulated = F($"{(double?)r["simulated"]:0.###} (share < {(double)r["share_below"]!:0.###}, ≤ {(double)r["share_at_or_below"]!:0.###})");
            }
            else
            {
                interval = F($"{(double)r["low"]!:0.###}–{(double)r["high"]!:0.###}");
                simulated = r["simulated"] is null ? "–" : F($"{(double)r["simulated"]!:0.###}");
            }

            string residual = r["residual"] is null ? "–" : Residual((double)r["residual"]!);
            sb.AppendLine(F($"| {name} | {published:0.###} | {interval} | {simulated} | {residual} | {verdict} |"));
        }

        if (fit["parameters"] is JsonArray parameters && parameters.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| fitted parameter | value | kind | range |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var p in parameters)
            {
                var o = p!.AsObject();
                string range = o["min"] is null && o["max"] is null ? "–" : F($"{(double?)o["min"]:0.###}–{(double?)o["max"]:0.###}");
                sb.AppendLine(F($"| `{(string)o["parameter"]!}` | {(double)o["value"]!:0.####} | {(string)o["kind"]!} | {range} |"));
            }
        }

        return sb.ToString();
    }

    /// <summary>The heading line above the table: how the fit was made.</summary>
    public static string Heading(JsonObject fit) => F(
        $"{(int)fit["patients"]!:N0} patients per cohort, seed {(long)fit["seed"]!}, {(int)fit["evaluations"]!} evaluations, objective {(double)fit["objective"]!:0.##}");

    /// <summary>Two decimals, three near ±1, so a residual just outside never prints as 1 beside a "no".</summary>
    private static string Residual(double r) => Math.Abs(Math.Abs(r) - 1) < 0.005 ? F($"{r:0.000}") : F($"{r:0.##}");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
