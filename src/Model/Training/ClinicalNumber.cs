using System.Globalization;
using System.Text.RegularExpressions;

namespace WardTwin.Model.Training;

/// <summary>
/// A number as a nurse enters it on a pump or a chart, read strictly and the same way by the trainee's page
/// (<c>trainee-input.js</c> has the same pattern) and the API: digits with an optional decimal point and exponent
/// ("12.5", "0.5", "1e9"). No hex ("0x10"), no thousands separators or decimal commas ("1,000", "12,5"), no sign,
/// spaces or words ("Infinity"). A value that parses is a value, whatever its size: 1e9 mg/h is a rate above the
/// hard limit, not garbage.
/// </summary>
public static partial class ClinicalNumber
{
    /// <summary>The value, or why the text is not a number (in words, naming what was typed).</summary>
    public static (double? Value, string? Problem) Parse(string text, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Pattern().IsMatch(text))
        {
            double v = double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            return (v, null);
        }

        string shown = text.Length > 24 ? text[..24] + "…" : text;
        string what = unit is null ? "a number" : $"a number of {unit}";
        return (null, text.TrimStart().StartsWith('-') ? $"'{shown}' is negative: give 0 or more"
            : $"'{shown}' is not {what}: write digits with a decimal point if needed (12.5), without hex, spaces, signs or thousands separators");
    }

    [GeneratedRegex("^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex Pattern();
}
