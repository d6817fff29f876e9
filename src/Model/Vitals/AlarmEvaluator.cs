using System.Globalization;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Vitals;

/// <summary>Checks a reading against the alarm rules of the parameter file.</summary>
public sealed class AlarmEvaluator(IReadOnlyList<AlarmRule> rules)
{
    // Read at every observation of every admission: an array, not an interface.
    private readonly AlarmRule[] _rules = [.. rules];

    public IReadOnlyList<AlarmRule> Rules => _rules;

    /// <summary>The schema's name for a rule, e.g. hr_over_100, spo2_below_92, hr_rise_20pct.</summary>
    public static string Name(AlarmRule rule) => rule.Kind switch
    {
        AlarmKind.Spo2Below => $"spo2_below_{Format(rule.Threshold)}",
        AlarmKind.HrOver => $"hr_over_{Format(rule.Threshold)}",
        AlarmKind.HrRiseFraction => $"hr_rise_{Format(rule.Threshold * 100)}pct",
        AlarmKind.SbpOver => $"sbp_over_{Format(rule.Threshold)}",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsMet(AlarmRule rule, in VitalSigns v, double baselineHr) => rule.Kind switch
    {
        AlarmKind.Spo2Below => v.Spo2Percent < rule.Threshold,
        AlarmKind.HrOver => v.HrPerMin > rule.Threshold,
        AlarmKind.HrRiseFraction => v.HrPerMin > baselineHr * (1 + rule.Threshold),
        AlarmKind.SbpOver => v.SbpMmHg > rule.Threshold,
        _ => false,
    };

    /// <summary>Sets bit i of the result when rule i is met.</summary>
    public int Evaluate(in VitalSigns v, double baselineHr)
    {
        int mask = 0;
        var all = _rules;
        for (int i = 0; i < all.Length; i++)
        {
            if (IsMet(all[i], v, baselineHr))
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }

    private static string Format(double x) => Math.Round(x, 6).ToString(CultureInfo.InvariantCulture);
}
