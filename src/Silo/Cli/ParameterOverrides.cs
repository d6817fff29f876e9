using System.Globalization;

namespace WardTwin.Silo.Cli;

/// <summary>`--param NAME=VALUE`: a planner's own value for one model parameter, for a sensitivity run.</summary>
internal static class ParameterOverrides
{
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> overrides)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"--param: '{o}' must be NAME=VALUE, e.g. pk.female_cl_factor=1.2");
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new ArgumentException($"--param: '{parts[1]}' for {parts[0]} is not a number");
            }

            if (!values.TryAdd(parts[0], value))
            {
                throw new ArgumentException($"--param: {parts[0]} is given twice");
            }
        }

        return values;
    }
}
