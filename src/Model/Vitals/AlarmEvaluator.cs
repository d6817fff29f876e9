using System.Globalization;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Vitals;

/// <summary>Checks a reading (and the equipment at the bed) against the alarm rules of the parameter file.</summary>
public sealed class AlarmEvaluator(IReadOnlyList<AlarmRule> rules)
{
    // Read at every observation of every admission: an array, not an interface.
    private readonly AlarmRule[] _rules = [.. rules];

    public IReadOnlyList<AlarmRule> Rules => _rules;

    /// <summary>The schema's name for a rule, e.g. hr_over_100, spo2_below_92, hr_rise_20pct, rr_at_most_8, probe_off.</summary>
    public static string Name(AlarmRule rule) => rule.Kind switch
    {
        AlarmKind.Spo2Below => $"spo2_below_{Format(rule.Threshold)}",
        AlarmKind.HrOver => $"hr_over_{Format(rule.Threshold)}",
        AlarmKind.HrRiseFraction => $"hr_rise_{Format(rule.Threshold * 100)}pct",
        AlarmKind.SbpOver => $"sbp_over_{Format(rule.Threshold)}",
        AlarmKind.RrAtMost => $"rr_at_most_{Format(rule.Threshold)}",
        AlarmKind.RrAtLeast => $"rr_at_least_{Format(rule.Threshold)}",
        AlarmKind.ProbeOff => "probe_off",
        AlarmKind.PumpOcclusion => "pump_occlusion",
        AlarmKind.BagEmpty => "bag_empty",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>What a nurse reads on the screen, in words ("RR ≤ 8 /min", "SpO2 probe off").</summary>
    public static string Label(AlarmRule rule) => rule.Kind switch
    {
        AlarmKind.Spo2Below => $"SpO2 < {Format(rule.Threshold)} %",
        AlarmKind.HrOver => $"HR > {Format(rule.Threshold)} /min",
        AlarmKind.HrRiseFraction => $"HR > {Format(rule.Threshold * 100)} % above baseline",
        AlarmKind.SbpOver => $"SBP > {Format(rule.Threshold)} mmHg",
        AlarmKind.RrAtMost => $"RR ≤ {Format(rule.Threshold)} /min",
        AlarmKind.RrAtLeast => $"RR ≥ {Format(rule.Threshold)} /min",
        AlarmKind.ProbeOff => "SpO2 probe off",
        AlarmKind.PumpOcclusion => "Pump: line occluded",
        AlarmKind.BagEmpty => "Pump: bag empty",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsMet(AlarmRule rule, in VitalSigns v, double baselineHr, DeviceConditions devices = DeviceConditions.None) => rule.Kind switch
    {
        // A reading taken with the probe off is invalid: the technical alarm says so, the saturation rule stays silent.
        AlarmKind.Spo2Below => v.Artefact != VitalsArtefact.ProbeOff && v.Spo2Percent < rule.Threshold,
        AlarmKind.HrOver => v.HrPerMin > rule.Threshold,
        AlarmKind.HrRiseFraction => v.HrPerMin > baselineHr * (1 + rule.Threshold),
        AlarmKind.SbpOver => v.SbpMmHg > rule.Threshold,

        // The monitor counts whole breaths a minute; the rule reads what it shows.
        AlarmKind.RrAtMost => Math.Round(v.RrPerMin) <= rule.Threshold,
        AlarmKind.RrAtLeast => Math.Round(v.RrPerMin) >= rule.Threshold,
        AlarmKind.ProbeOff => v.Artefact == VitalsArtefact.ProbeOff,
        AlarmKind.PumpOcclusion => (devices & DeviceConditions.PumpOccluded) != 0,
        AlarmKind.BagEmpty => (devices & DeviceConditions.BagEmpty) != 0,
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
