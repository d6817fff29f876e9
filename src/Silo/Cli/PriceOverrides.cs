using System.Globalization;
using WardTwin.Model.Costs;

namespace WardTwin.Silo.Cli;

/// <summary>`--price item=value`: a planner's own figure for one item, for sensitivity analysis.</summary>
internal static class PriceOverrides
{
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
