using System.Globalization;
using System.Text.RegularExpressions;
using WardTwin.Model.Parameters;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Training;

/// <summary>
/// A monitor alarm's name (<c>spo2_below_92</c>, <c>rr_at_most_8</c>, <c>probe_off</c>) in the words the monitor shows
/// ("SpO2 &lt; 92 %"), so the record and the debrief say what the trainee's page said. The record keeps only the name, so
/// the rule is read back from it; an unknown name keeps its words with spaces.
/// </summary>
public static partial class AlarmWords
{
    public static string Of(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        AlarmKind? technical = kind switch
        {
            "probe_off" => AlarmKind.ProbeOff,
            "pump_occlusion" => AlarmKind.PumpOcclusion,
            "bag_empty" => AlarmKind.BagEmpty,
            _ => null,
        };
        if (technical is { } t)
        {
            return AlarmEvaluator.Label(new AlarmRule(t, AlarmPriority.Low, string.Empty, Category: AlarmCategory.Technical));
        }

        var m = Pattern().Match(kind);
        if (!m.Success)
        {
            return kind.Replace('_', ' ');
        }

        double value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        var (what, threshold) = m.Groups["what"].Value switch
        {
            "spo2_below" => (AlarmKind.Spo2Below, value),
            "hr_over" => (AlarmKind.HrOver, value),
            "hr_rise" => (AlarmKind.HrRiseFraction, value / 100),
            "sbp_over" => (AlarmKind.SbpOver, value),
            "rr_at_most" => (AlarmKind.RrAtMost, value),
            _ => (AlarmKind.RrAtLeast, value),
        };
        return AlarmEvaluator.Label(new AlarmRule(what, AlarmPriority.Low, string.Empty, threshold));
    }

    [GeneratedRegex("^(?<what>spo2_below|hr_over|hr_rise|sbp_over|rr_at_most|rr_at_least)_(?<value>[0-9]+(\\.[0-9]+)?)(pct)?$")]
    private static partial Regex Pattern();
}
