using System.Globalization;
using WardTwin.Model.Costs;

namespace WardTwin.Silo.Cli;

/// <summary>`--price item=value`: a planner's own figure for one item, for sensitivity analysis.</summary>
internal static class PriceOverrides
{
    /// <summary>The overrides as name → value (for the provenance block); Apply checks them against the price list.</summary>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> overrides) =>
        overrides.Select(o => o.Split('=', 2)).Where(p => p.Length == 2 && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => double.Parse(g.Last()[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public static PriceList Apply(PriceList prices, IEnumerable<string> overrides)
    {
        var items = new Dictionary<string, PriceItem>(prices.Items, StringComparer.Ordinal);
        foreach (string o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2 || !items.TryGetValue(parts[0], out var item))
            {
                throw new ArgumentException($"--price: '{o}' must be ITEM=VALUE with ITEM one of {string.Join(", ", items.Keys.Order(StringComparer.Ordinal))}");
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            {
                throw new ArgumentException($"--price: '{parts[1]}' for {parts[0]} must be a number >= 0");
            }

            items[parts[0]] = item with { Value = value, Source = "overridden on the command line", Assumed = true };
        }

        return prices with { Items = items };
    }
}
