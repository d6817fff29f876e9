using System.Text.RegularExpressions;

namespace WardTwin.Model.Training;

/// <summary>
/// A monitor alarm's name (<c>spo2_below_92</c>) as a nurse reads it ("SpO2 below 92 %"). Read from the name's
/// pattern, so a rule added later still reads: an unknown name keeps its words with spaces.
/// </summary>
public static partial class AlarmWords
{
    public static string Of(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var m = Pattern().Match(kind);
        if (!m.Success)
        {
            return kind.Replace('_', ' ');
        }

        string value = m.Groups["value"].Value;
        return m.Groups["what"].Value switch
        {
            "spo2_below" => $"SpO2 below {value} %",
            "hr_over" => $"heart rate over {value} /min",
            "hr_below" => $"heart rate below {value} /min",
            "hr_rise" => $"heart rate {value.Replace("pct", " %", StringComparison.Ordinal)} above the patient's own",
            "sbp_over" => $"systolic pressure over {value} mmHg",
            "sbp_below" => $"systolic pressure below {value} mmHg",
            "rr_below" => $"breathing rate below {value} /min",
            "rr_over" => $"breathing rate over {value} /min",
            var other => $"{other.Replace('_', ' ')} {value}",
        };
    }

    [GeneratedRegex("^(?<what>[a-z0-9]+_(below|over|rise))_(?<value>[0-9.]+(pct)?)$")]
    private static partial Regex Pattern();
}
