using System.Globalization;
using WardTwin.Model.Costs;

namespace WardTwin.Silo.Cli;

/// <summary>`--price item=value`: a planner's own figure for one item, for sensitivity analysis.</summary>
internal static class PriceOverrides
{
    /// <summary>The overrides as item → value (what Apply sets and the provenance records); a malformed one is refused, naming the items.</summary>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> overrides, PriceList prices)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"--price: '{o}' must be ITEM=VALUE with ITEM one of {string.Join(", ", prices.Items.Keys.Order(StringComparer.Ordinal))}");
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            {
                throw new ArgumentException($"--price: '{parts[1]}' for {parts[0]} must be a number >= 0");
            }

            values[parts[0]] = value;
        }

        return values;
    }

    public static PriceList Apply(PriceList prices, IReadOnlyDictionary<string, double> overrides)
    {
        foreach (var (name, value) in overrides)
        {
            if (!prices.Items.ContainsKey(name))
            {
                throw new ArgumentException($"--price: '{name}={value.ToString(CultureInfo.InvariantCulture)}' must be ITEM=VALUE with ITEM one of {string.Join(", ", prices.Items.Keys.Order(StringComparer.Ordinal))}");
            }

            prices = prices.With(name, value, "overridden on the command line");
        }

        return prices;
    }
}
