using System.Globalization;

namespace WardTwin.Silo.Cli;

/// <summary>`--price item=value`: a planner's own figure for one item, for sensitivity analysis.</summary>
internal static class PriceOverrides
{
    /// <summary>The overrides as item → value (the planner run checks the items against the price list); a malformed one is refused.</summary>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> overrides)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"--price: '{o}' must be ITEM=VALUE, e.g. inpatient_day=596");
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            {
                throw new ArgumentException($"--price: '{parts[1]}' for {parts[0]} must be a number >= 0");
            }

            values[parts[0]] = value;
        }

        return values;
    }
}
