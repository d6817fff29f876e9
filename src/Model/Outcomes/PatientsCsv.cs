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

    /// <summary>Appends every column before the daily scores.</summary>
    internal static StringBuilder AppendFixed(StringBuilder sb, AdmissionOutcome a, CostBreakdown c)
    {
        var row = new CsvFields(sb);
        row.I(a.PatientIndex);
        row.B(a.Female);
        row.F(a.AgeYears);
        row.F(a.WeightKg);
        row.B(a.AnalgesicResponder);
        row.B(a.PlaceboResponder);
        row.I(a.NrsT0);
        row.I(a.NrsT0Cohort);
        row.I(a.NrsT1);
        row.I(a.NrsT2);
        row.B(a.ResponderT1TwoPoints);
        row.B(a.ResponderT1ThirtyPercent);
        row.B(a.ResponderT2TwoPoints);
        row.B(a.ResponderT2ThirtyPercent);
        row.F(a.EffectiveRateMgPerH);
        row.F(a.MaxRateMgPerH);
        row.F(a.EndRateMgPerH);
        row.F(a.TotalMg);
        if (a.OnsetDay is { } d)
        {
            row.I(d);
        }
        else
        {
            row.Empty();
        }

        foreach (var g in a.WorstSideEffects)
        {
            row.I((int)g);
        }

        row.B(a.Hallucinations);
        foreach (bool alarm in a.Alarms)
        {
            row.B(alarm);
        }

        row.F(a.PlateauSKetamineNgPerMl);
        row.F(a.PlateauRKetamineNgPerMl);
        row.F(a.PlateauSNorketamineNgPerMl);
        row.F(a.PlateauRNorketamineNgPerMl);
        row.F(a.PeakSNorketamineNgPerMl);
        row.F(a.TreatmentH);
        row.F(a.BedDays);
        row.I(a.DayCareSessions);
        row.I(a.OutpatientVisits);
        row.Quoted(a.EarlyDischargeReason ?? string.Empty);
        row.I(a.Reviews);
        row.I(a.MidazolamDoses);
        row.F(c.Total);
        foreach (double item in c.Items)
        {
            row.F(item);
        }

        row.F(a.T2WeeksAfterEnd);
        row.F(a.ReliefDurationWeeks);
        row.B(a.ReliefCensored);
        return sb;
    }

    /// <summary>Appends one measure's daily scores, comma-separated, a day without a score empty (not yet padded to the longest stay).</summary>
    internal static StringBuilder AppendDaily(StringBuilder sb, int[] scores)
    {
        var row = new CsvFields(sb);
        foreach (int s in scores)
        {
            if (s >= 0)
            {
                row.I(s);
            }
            else
            {
                row.Empty();
            }
        }

        return sb;
    }

    /// <summary>Appends the weekly scores, then (a patient followed for years) the horizon's columns, comma-separated: they close the row.</summary>
    internal static StringBuilder AppendWeekly(StringBuilder sb, AdmissionOutcome a)
    {
        var row = new CsvFields(sb);
        foreach (int w in a.WeeklyNrsAfter)
        {
            row.I(w);
        }

        if (a.Horizon is { } h)
        {
            row.I(h.Courses);
            row.I(h.BoosterCourses);
            row.I(h.BoosterSessions);
            row.F(h.BedDays);
            row.F(h.ChairHours);
            row.F(h.Qalys);
            row.F(h.QalysDiscounted);
        }

        return sb;
    }

    private static readonly string[] HorizonColumns =
        ["horizon_courses", "horizon_booster_courses", "horizon_booster_sessions", "horizon_bed_days", "horizon_chair_hours", "horizon_qalys", "horizon_qalys_discounted"];

    /// <summary>
    /// A whole row: the fixed columns, each measure's days (joined, as <see cref="AppendDaily"/> gives them) padded
    /// with empty fields to <paramref name="days"/>, the weekly columns (joined, as <see cref="AppendWeekly"/> gives them).
    /// </summary>
    internal static StringBuilder AppendRow(StringBuilder sb, string fixedColumns, IReadOnlyList<string> daily, int days, string weekly)
    {
        sb.Append(fixedColumns);
        foreach (string scores in daily)
        {
            // An empty text is no field or one empty field: padded, both give the same row.
            int fields = scores.Length == 0 ? 0 : scores.Count(c => c == ',') + 1;
            if (fields > 0)
            {
                sb.Append(',').Append(scores);
            }

            sb.Append(',', days - fields);
        }

        if (weekly.Length > 0)
        {
            sb.Append(',').Append(weekly);
        }

        return sb;
    }

}
