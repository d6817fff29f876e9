using System.Globalization;

namespace WardTwin.Model.Protocols;

/// <summary>Parses "HH:mm" clock times of protocol files into hours after midnight.</summary>
public static class ClockTime
{
    public static bool TryParseHours(string? text, out double hours)
    {
        hours = 0;
        if (text is null || !TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return false;
        }

        hours = t.Hour + (t.Minute / 60.0);
        return true;
    }

    public static double ParseHours(string text) =>
        TryParseHours(text, out double h) ? h : throw new FormatException($"'{text}' is not a clock time HH:mm");
}
