using System.Globalization;
using System.Text;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// patients.csv: one row per admission with its outcomes and bill (invariant culture, stable column order).
/// nrs_t0/t1/t2 and the weekly scores are in the protocol's outcome measure, nrs_t0_cohort in the cohort's,
/// the daily columns name theirs.
/// </summary>
public static class PatientsCsv
{
    public static string Build(CohortResult r)
    {
        var sb = new StringBuilder();
        var header = new List<string>
        {
            "patient", "female", "age_years", "weight_kg", "analgesic_responder", "placebo_responder",
            "nrs_t0", "nrs_t0_cohort", "nrs_t1", "nrs_t2", "responder_t1_2pt", "responder_t1_30pct", "responder_t2_2pt", "responder_t2_30pct",
            "effective_mg_per_h", "max_mg_per_h", "end_mg_per_h", "total_mg", "onset_day",
        };
        header.AddRange(SideEffectKinds.All.Select(k => SideEffectKinds.Name(k) + "_worst_grade"));
        header.Add("hallucinations");
        header.AddRange(r.AlarmNames.Select(n => "alarm_" + n));
        header.AddRange(["plateau_s_ng_per_ml", "plateau_r_ng_per_ml", "plateau_s_nk_ng_per_ml", "plateau_r_nk_ng_per_ml", "peak_s_nk_ng_per_ml",
            "treatment_h", "bed_days", "day_care_sessions", "outpatient_visits", "early_discharge", "reviews", "midazolam_doses",
            "cost_total_" + r.Prices.Currency.ToLowerInvariant()]);
        header.AddRange(CostBreakdown.ItemNames.Select(n => "cost_" + n));
        header.AddRange(["t2_weeks_after_end", "relief_duration_weeks", "relief_censored"]);
        var measures = r.Protocol.Assessments.MeasuresOrDefault;
        int days = MaxDays(r);
        foreach (var m in measures)
        {
            header.AddRange(Enumerable.Range(1, days).Select(d => $"nrs_{PainMeasures.Name(m)}_day_{d}"));
        }

        int weeks = r.Protocol.OutcomesOrDefault.FollowUpHorizonWeeks;
        header.AddRange(Enumerable.Range(1, weeks).Select(w => $"nrs_week_{w}"));
        sb.AppendJoin(',', header).Append('\n');

        for (int i = 0; i < r.Admissions.Length; i++)
        {
            var a = r.Admissions[i];
            var c = r.Costs[i];
            var row = new List<string>
            {
                I(a.PatientIndex), B(a.Female), F(a.AgeYears), F(a.WeightKg), B(a.AnalgesicResponder), B(a.PlaceboResponder),
                I(a.NrsT0), I(a.NrsT0Cohort), I(a.NrsT1), I(a.NrsT2), B(a.ResponderT1TwoPoints), B(a.ResponderT1ThirtyPercent), B(a.ResponderT2TwoPoints), B(a.ResponderT2ThirtyPercent),
                F(a.EffectiveRateMgPerH), F(a.MaxRateMgPerH), F(a.EndRateMgPerH), F(a.TotalMg), a.OnsetDay is { } d ? I(d) : string.Empty,
            };
            row.AddRange(a.WorstSideEffects.Select(g => I((int)g)));
            row.Add(B(a.Hallucinations));
            row.AddRange(a.Alarms.Select(B));
            row.AddRange([F(a.PlateauSKetamineNgPerMl), F(a.PlateauRKetamineNgPerMl), F(a.PlateauSNorketamineNgPerMl), F(a.PlateauRNorketamineNgPerMl), F(a.PeakSNorketamineNgPerMl),
                F(a.TreatmentH), F(a.BedDays), I(a.DayCareSessions), I(a.OutpatientVisits), Quote(a.EarlyDischargeReason ?? string.Empty), I(a.Reviews), I(a.MidazolamDoses),
                F(c.Total)]);
            row.AddRange(c.Items.Select(x => F(x)));
            row.AddRange([F(a.T2WeeksAfterEnd), F(a.ReliefDurationWeeks), B(a.ReliefCensored)]);
            foreach (var daily in a.DailyNrs)
            {
                row.AddRange(Enumerable.Range(0, days).Select(k => k < daily.Length && daily[k] >= 0 ? I(daily[k]) : string.Empty));
            }

            row.AddRange(a.WeeklyNrsAfter.Select(I));
            sb.AppendJoin(',', row).Append('\n');
        }

        return sb.ToString();
    }

    private static int MaxDays(CohortResult r) => r.Admissions.Length == 0 ? 0 : r.Admissions.Max(a => a.DailyNrs.Max(d => d.Length));

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string B(bool x) => x ? "1" : "0";

    private static string F(double? x) => x is { } v ? Math.Round(v, 4).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string s) => s.Length == 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
