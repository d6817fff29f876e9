using System.Globalization;

namespace WardTwin.Load;

/// <summary>Parses 60s, 2m, 90 (seconds); every load run is bounded to 10 minutes.</summary>
public static class Durations
{
    public static TimeSpan Parse(string text)
    {
        string t = text.Trim();
        double factor = t.EndsWith('m') ? 60 : 1;
        string number = t.TrimEnd('s', 'm');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || value * factor > 600)
        {
            throw new ArgumentException($"--duration: '{text}' must be like 60s or 2m, more than 0 and at most 10 minutes");
        }

        return TimeSpan.FromSeconds(value * factor);
    }
}
