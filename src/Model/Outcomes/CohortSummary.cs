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

    /// <summary>The summary of a cohort held whole (tests, small runs): the same bytes as one gathered as it ran.</summary>
    public static JsonObject Build(CohortResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var gathered = new CohortAccumulator(r.Protocol, r.Seed, r.Prices, r.AlarmNames, r.Rules);
        foreach (var a in r.Admissions)
        {
            gathered.Add(a);
        }

        return Build(gathered);
    }

    public static JsonObject Build(CohortAccumulator c)
    {
        ArgumentNullException.ThrowIfNull(c);
        int n = c.Patients;
        var outcomes = c.Protocol.OutcomesOrDefault;
        var m = outcomes.Measure;
        var summary = new JsonObject
        {
            ["protocol"] = c.Protocol.Id,
            ["patients"] = n,
            ["seed"] = c.Seed,
            ["arm"] = c.Protocol.Arm == Arm.Placebo ? "placebo" : "active",
            ["nrs"] = new JsonObject
            {
                ["t0"] = D(c.T0, m),
                ["t1"] = D(c.T1, m),
                ["t2"] = D(c.T2, m),
                ["t1_responders"] = D(c.T1OfResponders, m),
                ["t1_nonresponders"] = D(c.T1OfNonResponders, m),
                ["t0_responders"] = D(c.T0OfResponders, m),
                ["t0_nonresponders"] = D(c.T0OfNonResponders, m),
                ["by_treatment_day"] = ByDay(c, c.Protocol.Assessments.MeasuresOrDefault),
                ["by_week_after"] = ByWeek(c, m),
            },
            ["responders"] = new JsonObject
            {
                ["t1_2pt"] = P(c.RespondersT1, n),
                ["t1_30pct"] = P(c.RespondersT1Thirty, n),
                ["t2_2pt"] = P(c.RespondersT2, n),
                ["t2_30pct"] = P(c.RespondersT2Thirty, n),
            },
            ["dose"] = new JsonObject
            {
                ["effective_mg_per_h"] = D(c.EffectiveRate),
                ["max_mg_per_h"] = D(c.MaxRate),
                ["total_mg"] = D(c.TotalMg),
                ["end_mg_per_h"] = D(c.EndRate),
                ["end_rate_protocol_unit"] = RateUnits.Symbol(c.Protocol.Rate.Unit),
                ["end_rate_in_protocol_unit"] = D(c.EndRateProtocolUnits),
            },
            ["onset_day"] = D(c.OnsetDay),
            ["side_effects"] = SideEffects(c),
            ["alarms"] = Alarms(c),
            ["plasma"] = new JsonObject
            {
                ["s_ketamine"] = MeanOrNull(c.PlasmaMean(0)),
                ["r_ketamine"] = MeanOrNull(c.PlasmaMean(1)),
                ["s_norketamine"] = MeanOrNull(c.PlasmaMean(2)),
                ["r_norketamine"] = MeanOrNull(c.PlasmaMean(3)),
                ["s_norketamine_peak"] = MeanOrNull(c.PlasmaMean(4)),
            },
            ["stay"] = new JsonObject
            {
                ["bed_days"] = D(c.BedDays),
                ["day_care_sessions"] = D(c.DayCareSessions),
                ["outpatient_visits"] = D(c.OutpatientVisits),
                ["treatment_days"] = D(c.TreatmentDays),
                ["early_discharge"] = P(c.EarlyDischarges, n),
            },
            ["cost"] = Cost(c),
            ["relief_duration_weeks"] = D(c.ReliefWeeks),
            ["relief_duration_censored"] = c.ReliefCensored,
            ["follow_up_horizon_weeks"] = outcomes.FollowUpHorizonWeeks,
            ["t2_weeks_after_end"] = D(c.T2WeeksAfterEnd),
        };

        // The baseline as its cohort published it, when that is another measure than T1's (Goldberg 2010: worst of 24 h).
        if (c.CohortMeasure is { } cohortMeasure && cohortMeasure != m)
        {
            ((JsonObject)summary["nrs"]!)["t0_cohort"] = D(c.T0Cohort, cohortMeasure);
        }

        if (c.Horizon.Patients > 0)
        {
            var conventions = c.Prices.ConventionsOrDefault;
            summary["horizon"] = c.Horizon.ToJson(c.Prices.Currency, conventions.DiscountCosts, conventions.DiscountEffects);
        }

        return summary;
    }

    public static string ToJson(JsonObject summary) => summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>One row per treatment day and assessment measure, days in order.</summary>
    private static JsonArray ByDay(CohortAccumulator c, IReadOnlyList<PainMeasure> measures)
    {
        var arr = new JsonArray();
        for (int k = 0; k < c.Days; k++)
        {
            for (int i = 0; i < measures.Count; i++)
            {
                var d = c.ByDay[k][i].ToDist();
                arr.Add(new JsonObject
                {
                    ["day"] = k + 1, ["measure"] = PainMeasures.Name(measures[i]), ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["median"] = N(d.Median), ["n"] = d.N,
                });
            }
        }

        return arr;
    }

    private static JsonArray ByWeek(CohortAccumulator c, PainMeasure measure)
    {
        var arr = new JsonArray();
        for (int w = 0; w < c.ByWeek.Count; w++)
        {
            var d = c.ByWeek[w].ToDist();
            arr.Add(new JsonObject { ["week"] = w + 1, ["measure"] = PainMeasures.Name(measure), ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["n"] = d.N });
        }

        return arr;
    }

    private static JsonObject SideEffects(CohortAccumulator c)
    {
        double n = Math.Max(c.Patients, 1);
        var o = new JsonObject { ["any"] = R(c.AnySideEffect / n) };
        foreach (var k in SideEffectKinds.All)
        {
            o[SideEffectKinds.Name(k)] = R(c.WorstAboveNone[(int)k] / n);
        }

        o["hallucinations"] = R(c.Hallucinations / n);
        o["any_severe"] = R(c.AnySevere / n);

        // Midazolam makes patients drowsy too; the share drowsy only through it is shown apart (included in drowsiness above).
        o["drowsiness_from_midazolam_only"] = R(c.DrowsyFromMidazolamOnly / n);
        return o;
    }

    private static JsonObject Alarms(CohortAccumulator c)
    {
        double n = Math.Max(c.Patients, 1);
        var o = new JsonObject();
        for (int i = 0; i < c.AlarmNames.Count; i++)
        {
            o[c.AlarmNames[i]] = R(c.Alarms[i] / n);
        }

        return o;
    }

    private static JsonObject Cost(CohortAccumulator c)
    {
        var totals = c.CostTotals.ToArray();
        var items = new JsonObject();
        for (int i = 0; i < CostBreakdown.ItemNames.Count; i++)
        {
            items[CostBreakdown.ItemNames[i]] = R(c.CostItemMean(i));
        }

        return new JsonObject
        {
            ["currency"] = c.Prices.Currency,
            ["region"] = c.Prices.Region,
            ["price_year"] = c.Prices.PriceYear,
            ["perspective"] = c.Rules.Perspective.ToString().ToLowerInvariant(),
            ["price_basis"] = c.Rules.Basis == Costs.PriceBasis.Full ? "full" : "staff-excluded",
            ["per_patient"] = PerPatient(totals),
            ["per_responder_t1"] = PerResponder(totals, c.ResponderT1Flags, c.Seed, 1),
            ["per_responder_t2"] = PerResponder(totals, c.ResponderT2Flags, c.Seed, 2),
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
    private static JsonObject PerResponder(double[] totals, List<bool> responder, long seed, int which)
    {
        int responders = responder.Count(x => x);
        if (responders == 0)
        {
            return new JsonObject { ["mean"] = 0, ["ci_low"] = 0, ["ci_high"] = 0, ["responders"] = 0 };
        }

        double point = totals.Sum() / responders;
        ulong key = SeededRandom.Key(seed, -1, (ulong)StreamPurpose.Bootstrap + (ulong)which);
        var samples = ResponderBootstrap.Ratios(totals, [.. responder], key, BootstrapResamples);
        var sorted = samples.Order().ToArray();
        return new JsonObject
        {
            ["mean"] = R(point),
            ["ci_low"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.025)),
            ["ci_high"] = R(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.975)),
            ["responders"] = responders,
        };
    }

    private static JsonObject D(ExactSample values)
    {
        var d = values.ToDist();
        return new JsonObject { ["mean"] = N(d.Mean), ["sd"] = N(d.Sd), ["median"] = N(d.Median), ["q1"] = N(d.Q1), ["q3"] = N(d.Q3), ["n"] = d.N };
    }

    /// <summary>A pain-score distribution, saying which measure it is in.</summary>
    private static JsonObject D(ExactSample values, PainMeasure measure)
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

    private static JsonNode? MeanOrNull(double? mean) => mean is { } m ? R(m) : null;

    private static double N(double x) => double.IsFinite(x) ? R(x) : 0;

    private static double R(double x) => Math.Round(x, 6, MidpointRounding.ToEven);
}
