using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Builds summary.json (contracts/cohort-summary.schema.json). Pure function of the outcomes in patient
/// order, rounded to 6 decimals: the same seed gives the same bytes whichever engine ran the cohort.
/// A distribution or rate over no patient is written with n = 0 and zeros, since the schema has no null there.
/// </summary>
public static class CohortSummary
{
    private const int BootstrapResamples = 1000;

    public static JsonObject Build(CohortResult r)
    {
        var a = r.Admissions;
        var t1Responders = a.Where(x => x.ResponderT1TwoPoints).ToArray();
        var t1Non = a.Where(x => !x.ResponderT1TwoPoints).ToArray();
        var outcomes = r.Protocol.OutcomesOrDefault;
        var m = outcomes.Measure;
        var relieved = a.Where(x => x.RelievedAtT1AndT2).ToArray();
        var summary = new JsonObject
        {
            ["protocol"] = r.Protocol.Id,
            ["patients"] = a.Length,
            ["seed"] = r.Seed,
            ["arm"] = r.Protocol.Arm == Arm.Placebo ? "placebo" : "active",
            ["nrs"] = new JsonObject
            {
                ["t0"] = D(a.Select(x => (double)x.NrsT0), m),
                ["t1"] = D(a.Select(x => (double)x.NrsT1), m),
                ["t2"] = D(a.Select(x => (double)x.NrsT2), m),
                ["t1_responders"] = D(t1Responders.Select(x => (double)x.NrsT1), m),
                ["t1_nonresponders"] = D(t1Non.Select(x => (double)x.NrsT1), m),
                ["t0_responders"] = D(t1Responders.Select(x => (double)x.NrsT0), m),
                ["t0_nonresponders"] = D(t1Non.Select(x => (double)x.NrsT0), m),
                ["by_treatment_day"] = ByDay(a, r.Protocol.Assessments.MeasuresOrDefault),
                ["by_week_after"] = ByWeek(a, m),
            },
            ["responders"] = new JsonObject
            {
                ["t1_2pt"] = P(a.Count(x => x.ResponderT1TwoPoints), a.Length),
                ["t1_30pct"] = P(a.Count(x => x.ResponderT1ThirtyPercent), a.Length),
                ["t2_2pt"] = P(a.Count(x => x.ResponderT2TwoPoints), a.Length),
                ["t2_30pct"] = P(a.Count(x => x.ResponderT2ThirtyPercent), a.Length),
            },
            ["dose"] = new JsonObject
            {
                ["effective_mg_per_h"] = D(a.Where(x => x.EffectiveRateMgPerH is not null).Select(x => x.EffectiveRateMgPerH!.Value)),
                ["max_mg_per_h"] = D(a.Select(x => x.MaxRateMgPerH)),
                ["total_mg"] = D(a.Select(x => x.TotalMg)),
                ["end_mg_per_h"] = D(a.Select(x => x.EndRateMgPerH)),
                ["end_rate_protocol_unit"] = RateUnits.Symbol(r.Protocol.Rate.Unit),
                ["end_rate_in_protocol_unit"] = D(a.Select(x => x.EndRateProtocolUnits)),
            },
            ["onset_day"] = D(t1Responders.Where(x => x.OnsetDay is not null).Select(x => (double)x.OnsetDay!.Value)),
            ["side_effects"] = SideEffects(a),
            ["alarms"] = Alarms(a, r.AlarmNames),
            ["plasma"] = new JsonObject
            {
                ["s_ketamine"] = MeanOrNull(a.Select(x => x.PlateauSKetamineNgPerMl)),
                ["r_ketamine"] = MeanOrNull(a.Select(x => x.PlateauRKetamineNgPerMl)),
                ["s_norketamine"] = MeanOrNull(a.Select(x => x.PlateauSNorketamineNgPerMl)),
                ["r_norketamine"] = MeanOrNull(a.Select(x => x.PlateauRNorketamineNgPerMl)),
                ["s_norketamine_peak"] = MeanOrNull(a.Select(x => x.PeakSNorketamineNgPerMl)),
            },
            ["stay"] = new JsonObject
            {
                ["bed_days"] = D(a.Select(x => x.BedDays)),
                ["day_care_sessions"] = D(a.Select(x => (double)x.DayCareSessions)),
                ["outpatient_visits"] = D(a.Select(x => (double)x.OutpatientVisits)),
                ["treatment_days"] = D(a.Select(x => x.TreatmentH / 24)),
                ["early_discharge"] = P(a.Count(x => x.EarlyDischargeReason is not null), a.Length),
            },
            ["cost"] = Cost(r),
            ["relief_duration_weeks"] = D(relieved.Select(x => x.ReliefDurationWeeks)),
            ["relief_duration_censored"] = relieved.Count(x => x.ReliefCensored),
            ["follow_up_horizon_weeks"] = outcomes.FollowUpHorizonWeeks,
            ["t2_weeks_after_end"] = D(a.Select(x => x.T2WeeksAfterEnd)),
        };

        // The baseline as its cohort published it, when that is another measure than T1's (Goldberg 2010: worst of 24 h).
        if (a.Length > 0 && a[0].CohortMeasure != m)
        {
            ((JsonObject)summary["nrs"]!)["t0_cohort"] = D(a.Select(x => (double)x.NrsT0Cohort), a[0].CohortMeasure);
        }

        return summary;
    }

    public static string ToJson(JsonObject summary) => summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>One row per treatment day and assessment measure, days in order.</summary>
    private static JsonArray ByDay(AdmissionOutcome[] a, IReadOnlyList<PainMeasure> measures)
    {
        int days = a.Length == 0 ? 0 : a.Max(x => x.DailyNrs.Max(d => d.Length));
        var arr = new JsonArray();
        for (int k = 0; k < days; k++)
        {
            for (int i = 0; i < measures.Count; i++)
            {
                var d = Dist.Of(a.Where(x => x.DailyNrs[i].Length > k && x.DailyNrs[i][k] >= 0).Select(x => (double)x.DailyNrs[i][k]));
                arr.Add(new JsonObject
                {
                    ["day"] = k + 1, ["measure"] = PainMeasures.Name(measures[i]), ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["median"] = N(d.Median), ["n"] = d.N,
                });
            }
        }

        return arr;
    }

    private static JsonArray ByWeek(AdmissionOutcome[] a, PainMeasure measure)
    {
        int weeks = a.Length == 0 ? 0 : a[0].WeeklyNrsAfter.Length;
        var arr = new JsonArray();
        for (int w = 0; w < weeks; w++)
        {
            var d = Dist.Of(a.Select(x => (double)x.WeeklyNrsAfter[w]));
            arr.Add(new JsonObject { ["week"] = w + 1, ["measure"] = PainMeasures.Name(measure), ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["n"] = d.N });
        }

        return arr;
    }

    private static JsonObject SideEffects(AdmissionOutcome[] a)
    {
        double n = Math.Max(a.Length, 1);
        var o = new JsonObject { ["any"] = R(a.Count(x => x.AnySideEffect) / n) };
        foreach (var k in SideEffectKinds.All)
        {
            o[SideEffectKinds.Name(k)] = R(a.Count(x => x.WorstSideEffects[(int)k] > SideEffectGrade.None) / n);
        }

        o["hallucinations"] = R(a.Count(x => x.Hallucinations) / n);
        o["any_severe"] = R(a.Count(x => x.WorstSideEffects.Any(g => g == SideEffectGrade.Severe)) / n);

        // Midazolam makes patients drowsy too; the share drowsy only through it is shown apart (included in drowsiness above).
        o["drowsiness_from_midazolam_only"] = R(a.Count(x => x.DrowsyFromMidazolamOnly) / n);
        return o;
    }

    private static JsonObject Alarms(AdmissionOutcome[] a, IReadOnlyList<string> names)
    {
        double n = Math.Max(a.Length, 1);
        var o = new JsonObject();
        for (int i = 0; i < names.Count; i++)
        {
            o[names[i]] = R(a.Count(x => x.Alarms[i]) / n);
        }

        return o;
    }

    private static JsonObject Cost(CohortResult r)
    {
        var totals = r.Costs.Select(c => c.Total).ToArray();
        var items = new JsonObject();
        for (int i = 0; i < CostBreakdown.ItemNames.Count; i++)
        {
            items[CostBreakdown.ItemNames[i]] = R(r.Costs.Length == 0 ? 0 : r.Costs.Average(c => c.Items[i]));
        }

        var a = r.Admissions;
        return new JsonObject
        {
            ["currency"] = r.Prices.Currency,
            ["region"] = r.Prices.Region,
            ["price_year"] = r.Prices.PriceYear,
            ["perspective"] = (r.Rules ?? Costs.CostRules.Default).Perspective.ToString().ToLowerInvariant(),
            ["price_basis"] = (r.Rules ?? Costs.CostRules.Default).Basis == Costs.PriceBasis.Full ? "full" : "staff-excluded",
            ["per_patient"] = PerPatient(totals),
            ["per_responder_t1"] = PerResponder(totals, a.Select(x => x.ResponderT1TwoPoints).ToArray(), r.Seed, 1),
            ["per_responder_t2"] = PerResponder(totals, a.Select(x => x.ResponderT2TwoPoints).ToArray(), r.Seed, 2),
            ["items"] = items,
        };
    }

    /// <summary>Mean cost, the 95 % range across patients (ci_low/ci_high) and the 95 % interval of the mean.</summary>
    private static JsonObject PerPatient(double[] totals)
    {
        if (totals.Length == 0)
        {
            return new JsonObject { ["mean"] = 0, ["ci_low"] = 0, ["ci_high"] = 0 };
        }

        var sorted = totals.Order().ToArray();
        var d = Dist.Of(totals);
        double sem = d.Sd / Math.Sqrt(totals.Length);
        return new JsonObject
        {
            ["mean"] = R(d.Mean),
            ["ci_low"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.025)),
            ["ci_high"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.975)),
            ["mean_ci_low"] = R(d.Mean - (Proportion.Z95 * sem)),
            ["mean_ci_high"] = R(d.Mean + (Proportion.Z95 * sem)),
        };
    }

    /// <summary>Total cost over responders, with a seeded percentile bootstrap interval.</summary>
    private static JsonObject PerResponder(double[] totals, bool[] responder, long seed, int which)
    {
        int n = totals.Length;
        int responders = responder.Count(x => x);
        if (responders == 0)
        {
            return new JsonObject { ["mean"] = 0, ["ci_low"] = 0, ["ci_high"] = 0, ["responders"] = 0 };
        }

        double point = totals.Sum() / responders;
        var random = new SeededRandom(SeededRandom.Key(seed, -1, (ulong)StreamPurpose.Bootstrap + (ulong)which));
        var samples = new List<double>(BootstrapResamples);
        for (int b = 0; b < BootstrapResamples; b++)
        {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int j = (int)(random.NextUInt64() % (ulong)n);
                sum += totals[j];
                count += responder[j] ? 1 : 0;
            }

            if (count > 0)
            {
                samples.Add(sum / count);
            }
        }

        var sorted = samples.Order().ToArray();
        return new JsonObject
        {
            ["mean"] = R(point),
            ["ci_low"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.025)),
            ["ci_high"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.975)),
            ["responders"] = responders,
        };
    }

    private static JsonObject D(IEnumerable<double> values)
    {
        var d = Dist.Of(values);
        return new JsonObject { ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["median"] = N(d.Median), ["q1"] = N(d.Q1), ["q3"] = N(d.Q3), ["n"] = d.N };
    }

    /// <summary>A pain-score distribution, saying which measure it is in.</summary>
    private static JsonObject D(IEnumerable<double> values, PainMeasure measure)
    {
        var o = D(values);
        o["measure"] = PainMeasures.Name(measure);
        return o;
    }

    private static JsonObject P(int successes, int n)
    {
        var p = Proportion.Of(successes, n);
        return n == 0
            ? new JsonObject { ["rate"] = 0, ["ci_low"] = 0, ["ci_high"] = 1, ["n"] = 0 }
            : new JsonObject { ["rate"] = R(p.Rate), ["ci_low"] = R(p.CiLow), ["ci_high"] = R(p.CiHigh), ["n"] = n };
    }

    private static JsonNode? MeanOrNull(IEnumerable<double?> values)
    {
        var v = values.Where(x => x is not null).Select(x => x!.Value).ToArray();
        return v.Length == 0 ? null : R(v.Average());
    }

    private static double N(double x) => double.IsFinite(x) ? R(x) : 0;

    private static double R(double x) => Math.Round(x, 6, MidpointRounding.ToEven);
}
