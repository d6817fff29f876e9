using System.Globalization;
using System.Text.RegularExpressions;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Reads one series of a silo's /metrics (Prometheus text), summing when no labels are given.</summary>
internal static partial class MetricsText
{
    public static async Task<double> ReadAsync(RunningSilo silo, string name, string? labels = null)
    {
        string text = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        double sum = 0;
        foreach (Match m in Series().Matches(text))
        {
            if (m.Groups["name"].Value == name && (labels is null || m.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal)))
            {
                sum += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z0-9_:]+)(\{(?<labels>[^}]*)\})? (?<value>[-0-9.e+NaInf]+)$", RegexOptions.Multiline)]
    private static partial Regex Series();
}
