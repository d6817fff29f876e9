using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Calibration;

/// <summary>The statistics a calibration target can name, computed from a cohort's outcomes.</summary>
public static class TargetStatistics
{
    private static readonly Dictionary<string, Func<AdmissionOutcome[], IReadOnlyList<string>, TargetStatistic>> Table = Build();

    public static IEnumerable<string> Names => Table.Keys.Order(StringComparer.Ordinal);

    public static bool Known(string name) => Table.ContainsKey(name);

    public static TargetStatistic Compute(string name, AdmissionOutcome[] a, IReadOnlyList<string> alarmNames) => Table[name](a, alarmNames);

    private static Dictionary<string, Func<AdmissionOutcome[], IReadOnlyList<string>, TargetStatistic>> Build()
    {
        var t = new Dictionary<string, Func<AdmissionOutcome[], IReadOnlyList<string>, TargetStatistic>>(StringComparer.Ordinal)
        {
            ["responders_t1_2pt"] = (a, _) => Fraction(a, x => x.ResponderT1TwoPoints),
            ["median_nrs_t0"] = (a, _) => Median(a, x => x.NrsT0),
            ["median_nrs_t1"] = (a, _) => Median(a, x => x.NrsT1),
            ["median_nrs_t0_responders"] = (a, _) => Median(a.Where(x => x.ResponderT1TwoPoints), x => x.NrsT0),
            ["median_nrs_t1_responders"] = (a, _) => Median(a.Where(x => x.ResponderT1TwoPoints), x => x.NrsT1),
            ["median_nrs_t0_nonresponders"] = (a, _) => Median(a.Where(x => !x.ResponderT1TwoPoints), x => x.NrsT0),
            ["median_nrs_t1_nonresponders"] = (a, _) => Median(a.Where(x => !x.ResponderT1TwoPoints), x => x.NrsT1),
            ["median_onset_day_responders"] = (a, _) => Median(a.Where(x => x.ResponderT1TwoPoints && x.OnsetDay is not null), x => x.OnsetDay!.Value),
            ["median_effective_mg_per_h"] = (a, _) => Median(a.Where(x => x.EffectiveRateMgPerH is not null), x => x.EffectiveRateMgPerH!.Value),
            ["mean_max_mg_per_h"] = (a, _) => a.Average(x => x.MaxRateMgPerH),
            ["mean_end_rate_protocol_unit"] = (a, _) => a.Average(x => x.EndRateProtocolUnits),
            ["any_side_effect"] = (a, _) => Fraction(a, x => x.AnySideEffect),
            ["share_hallucinations_among_any"] = (a, _) => Fraction(a.Where(x => x.AnySideEffect).ToArray(), x => x.Hallucinations),
            ["hallucinations"] = (a, _) => Fraction(a, x => x.Hallucinations),
            ["psychotomimetic_any"] = (a, _) => Fraction(a, x => x.WorstSideEffects[(int)SideEffectKind.Psychotomimetic] > SideEffectGrade.None),
            ["mean_nrs_week1_after"] = (a, _) => a.Average(x => x.WeeklyNrsAfter[0]),
            ["mean_nrs_week12_after"] = (a, _) => a.Average(x => x.WeeklyNrsAfter[11]),
            ["responders_t2_2pt"] = (a, _) => Fraction(a, x => x.ResponderT2TwoPoints),
            ["mean_nrs_t1"] = (a, _) => a.Average(x => x.NrsT1),
            ["median_relief_duration_weeks_relieved_t2"] = (a, _) => Median(a.Where(x => x.RelievedAtT1AndT2), x => x.ReliefDurationWeeks),
            ["mean_peak_s_nk"] = (a, _) => a.Average(x => x.PeakSNorketamineNgPerMl ?? double.NaN),
            ["mean_plateau_s"] = (a, _) => a.Average(x => x.PlateauSKetamineNgPerMl ?? double.NaN),
            ["mean_plateau_r"] = (a, _) => a.Average(x => x.PlateauRKetamineNgPerMl ?? double.NaN),
            ["mean_plateau_s_nk"] = (a, _) => a.Average(x => x.PlateauSNorketamineNgPerMl ?? double.NaN),
            ["mean_plateau_r_nk"] = (a, _) => a.Average(x => x.PlateauRNorketamineNgPerMl ?? double.NaN),
        };
        foreach (var k in SideEffectKinds.All)
        {
            int i = (int)k;
            t[$"share_{SideEffectKinds.Name(k)}_among_any"] = (a, _) => Fraction(a.Where(x => x.AnySideEffect).ToArray(), x => x.WorstSideEffects[i] > SideEffectGrade.None);
        }

        foreach (var alarm in new[] { "hr_over_100", "spo2_below_92", "hr_rise_20pct", "sbp_over_180" })
        {
            t[$"alarm_{alarm}"] = (a, names) =>
            {
                int i = names.ToList().IndexOf(alarm);
                return i < 0 ? double.NaN : Fraction(a, x => x.Alarms[i]).Value;
            };
        }

        return t;
    }

    private static TargetStatistic Fraction(AdmissionOutcome[] a, Func<AdmissionOutcome, bool> f) => a.Length == 0 ? double.NaN : a.Count(f) / (double)a.Length;

    private static TargetStatistic Median(IEnumerable<AdmissionOutcome> a, Func<AdmissionOutcome, double> f)
    {
        var sample = a.Select(f).ToArray();
        return new TargetStatistic(Dist.Of(sample).Median, sample);
    }
}
