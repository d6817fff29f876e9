using System.Globalization;
using System.Text;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// patients.csv: one row per admission with its outcomes and bill (invariant culture, stable column order).
/// nrs_t0/t1/t2 and the weekly scores are in the protocol's outcome measure, nrs_t0_cohort in the cohort's,
/// the daily columns name theirs; there are as many daily columns as the longest stay has days.
/// </summary>
public static class PatientsCsv
{
    /// <summary>The file of a cohort held whole (tests, small runs): the same bytes <see cref="PatientsCsvWriter"/> writes as rows arrive.</summary>
    public static string Build(CohortResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        int days = r.Admissions.Length == 0 ? 0 : r.Admissions.Max(a => a.DailyNrs.Max(d => d.Length));
        var sb = new StringBuilder(Header(r.Protocol, r.Prices.Currency, r.AlarmNames, days, r.Admissions.Any(a => a.Horizon is not null))).Append('\n');
        for (int i = 0; i < r.Admissions.Length; i++)
        {
            var a = r.Admissions[i];
            AppendRow(sb, Fixed(a, r.Costs[i]), a.DailyNrs.Select(Daily).ToArray(), days, Weekly(a)).Append('\n');
        }

        return sb.ToString();
    }

    internal static string Header(Protocol protocol, string currency, IReadOnlyList<string> alarmNames, int days, bool horizon)
    {
        var header = new List<string>
        {
            "patient", "female", "age_years", "weight_kg", "analgesic_responder", "placebo_responder",
            "nrs_t0", "nrs_t0_cohort", "nrs_t1", "nrs_t2", "responder_t1_2pt", "responder_t1_30pct", "responder_t2_2pt", "responder_t2_30pct",
            "effective_mg_per_h", "max_mg_per_h", "end_mg_per_h", "total_mg", "onset_day",
        };
        header.AddRange(SideEffectKinds.All.Select(k => SideEffectKinds.Name(k) + "_worst_grade"));
        header.Add("hallucinations");
        header.AddRange(alarmNames.Select(n => "alarm_" + n));
        header.AddRange(["plateau_s_ng_per_ml", "plateau_r_ng_per_ml", "plateau_s_nk_ng_per_ml", "plateau_r_nk_ng_per_ml", "peak_s_nk_ng_per_ml",
            "treatment_h", "bed_days", "day_care_sessions", "outpatient_visits", "early_discharge", "reviews", "midazolam_doses",
            "cost_total_" + currency.ToLowerInvariant()]);
        header.AddRange(CostBreakdown.ItemNames.Select(n => "cost_" + n));
        header.AddRange(["t2_weeks_after_end", "relief_duration_weeks", "relief_censored"]);
        foreach (var m in protocol.Assessments.MeasuresOrDefault)
        {
            header.AddRange(Enumerable.Range(1, days).Select(d => $"nrs_{PainMeasures.Name(m)}_day_{d}"));
        }

        header.AddRange(Enumerable.Range(1, protocol.OutcomesOrDefault.FollowUpHorizonWeeks).Select(w => $"nrs_week_{w}"));
        if (horizon)
        {
            header.AddRange(HorizonColumns);
        }

        return string.Join(',', header);
    }

    /// <summary>Every column before the daily scores, joined.</summary>
    internal static string Fixed(AdmissionOutcome a, CostBreakdown c)
    {
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
        return string.Join(',', row);
    }

    /// <summary>One measure's daily scores as fields, a day without a score empty (not yet padded to the longest stay).</summary>
    internal static string[] Daily(int[] scores) => [.. scores.Select(s => s >= 0 ? I(s) : string.Empty)];

    /// <summary>The weekly scores, then (a patient followed for years) the horizon's columns: they close the row.</summary>
    internal static string[] Weekly(AdmissionOutcome a) => a.Horizon is { } h
        ? [.. a.WeeklyNrsAfter.Select(I), I(h.Courses), I(h.BoosterCourses), I(h.BoosterSessions), F(h.BedDays), F(h.ChairHours), F(h.Qalys), F(h.QalysDiscounted)]
        : [.. a.WeeklyNrsAfter.Select(I)];

    private static readonly string[] HorizonColumns =
        ["horizon_courses", "horizon_booster_courses", "horizon_booster_sessions", "horizon_bed_days", "horizon_chair_hours", "horizon_qalys", "horizon_qalys_discounted"];

    /// <summary>A whole row: the fixed columns, each measure's days padded to <paramref name="days"/>, the weekly scores.</summary>
    internal static StringBuilder AppendRow(StringBuilder sb, string fixedColumns, IReadOnlyList<string[]> daily, int days, IReadOnlyList<string> weekly)
    {
        sb.Append(fixedColumns);
        foreach (var scores in daily)
        {
            for (int k = 0; k < days; k++)
            {
                sb.Append(',').Append(k < scores.Length ? scores[k] : string.Empty);
            }
        }

        foreach (var w in weekly)
        {
            sb.Append(',').Append(w);
        }

        return sb;
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string B(bool x) => x ? "1" : "0";

    private static string F(double? x) => x is { } v ? Math.Round(v, 4).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string s) => s.Length == 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
