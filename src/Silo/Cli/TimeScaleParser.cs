using System.Globalization;

namespace WardTwin.Silo.Cli;

/// <summary>--time-scale: a number > 0 (1 = real time, k = k× accelerated) or "max" (as fast as possible).</summary>
internal static class TimeScaleParser
{
    public static double Parse(string text)
    {
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 && double.IsFinite(x)
            ? x
            : throw new ArgumentException($"--time-scale: '{text}' must be a number > 0 (1 = real time) or 'max'");
    }
}
