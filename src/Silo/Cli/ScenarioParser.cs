using System.Globalization;
using WardTwin.Model.Economics;

namespace WardTwin.Silo.Cli;

/// <summary>`--scenario NAME:price.ITEM=V,param.NAME=V,...`: several overrides run together, repeatable.</summary>
internal static class ScenarioParser
{
    public static IReadOnlyList<Scenario> Parse(IEnumerable<string> args)
    {
        var scenarios = new List<Scenario>();
        foreach (string arg in args)
        {
            var (name, rest) = arg.Split(':', 2) is [var n, var r] && n.Length > 0 ? (n, r) : throw Bad(arg, "must be NAME:price.ITEM=VALUE,param.NAME=VALUE,...");
            var prices = new Dictionary<string, double>(StringComparer.Ordinal);
            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string pair in rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (pair.Split('=', 2) is not [var key, var text] || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    throw Bad(arg, $"'{pair}' must be price.ITEM=NUMBER or param.NAME=NUMBER");
                }

                var target = key.StartsWith("price.", StringComparison.Ordinal) ? prices
                    : key.StartsWith("param.", StringComparison.Ordinal) ? parameters
                    : throw Bad(arg, $"'{key}' must start with price. or param.");
                if (!target.TryAdd(key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..], value))
                {
                    throw Bad(arg, $"'{key}' is given twice");
                }
            }

            if (prices.Count + parameters.Count == 0 || scenarios.Any(s => s.Name == name))
            {
                throw Bad(arg, prices.Count + parameters.Count == 0 ? "changes nothing" : $"the name '{name}' is used twice");
            }

            scenarios.Add(new Scenario(name, prices, parameters));
        }

        return scenarios;
    }

    private static ArgumentException Bad(string arg, string why) => new($"--scenario '{arg}': {why}");
}
