using System.Text.Json.Nodes;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Outcomes;

/// <summary>One protocol in a comparison, with its increments against the comparator (null for the comparator itself).</summary>
public sealed record ComparisonRow(
    string Protocol,
    int Patients,
    double RespondersT1,
    double RespondersT1CiLow,
    double RespondersT1CiHigh,
    double RespondersT2,
    double? T2WeeksAfterEndMedian,
    int FollowUpWeek,
    double? RespondersAtWeek,
    double AnySideEffect,
    double? EffectiveMgPerHMedian,
    double BedDaysMean,
    double ChairHoursMean,
    double CostPerPatient,
    double? CostPerResponderT1,
    string Currency,
    ComparisonIncrement? Increment)
{
    public string WeekColumn => $"responders_week_{FollowUpWeek}_2pt";

    public static ComparisonRow Of(CohortTotals r, CohortTotals comparator)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(comparator);
        int n = r.Patients;
        var t1 = Proportion.Of(r.RespondersT1, n);
        double cost = r.CostPerPatient;
        ComparisonIncrement? increment = null;
        if (!ReferenceEquals(r, comparator))
        {
            double dCost = cost - comparator.CostPerPatient;
            double dRate = t1.Rate - Proportion.Of(comparator.RespondersT1, comparator.Patients).Rate;
            double bedDaysFreed = comparator.BedDaysMean - r.BedDaysMean;
            increment = new ComparisonIncrement(comparator.Protocol, dCost, dRate, Math.Abs(dRate) < 1e-12 ? null : dCost / dRate, bedDaysFreed, r.Currency, r.Protocol);
        }

        return new ComparisonRow(
            r.Protocol, n, t1.Rate, t1.CiLow, t1.CiHigh,
            Proportion.Of(r.RespondersT2, n).Rate,
            r.T2WeeksAfterEndMedian,
            r.FollowUpWeek,
            n == 0 ? null : r.RespondersAtWeek / (double)n,
            n == 0 ? 0 : r.AnySideEffect / (double)n,
            // No effective rate (session protocols have none) is no data, not zero.
            r.EffectiveMgPerHMedian,
            r.BedDaysMean,
            r.ChairHoursMean,
            cost,
            r.RespondersT1 == 0 ? null : cost * n / r.RespondersT1,
            r.Currency,
            increment);
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["protocol"] = Protocol,
            ["patients"] = Patients,
            ["responders_t1_2pt"] = R(RespondersT1),
            ["responders_t1_2pt_ci"] = new JsonArray(R(RespondersT1CiLow), R(RespondersT1CiHigh)),
            ["responders_t2_2pt"] = R(RespondersT2),
            ["t2_weeks_after_end_median"] = R(T2WeeksAfterEndMedian),
            [WeekColumn] = R(RespondersAtWeek),
            ["any_side_effect"] = R(AnySideEffect),
            ["effective_mg_per_h_median"] = R(EffectiveMgPerHMedian),
            ["bed_days_mean"] = R(BedDaysMean),
            ["chair_hours_mean"] = R(ChairHoursMean),
            ["cost_per_patient"] = R(CostPerPatient),
            ["cost_per_responder_t1"] = R(CostPerResponderT1),
            ["currency"] = Currency,
        };
        if (Increment is { } i)
        {
            o["vs"] = i.Comparator;
            o["incremental_cost"] = R(i.Cost);
            o["incremental_responders_t1"] = R(i.RespondersT1);
            o["cost_per_extra_responder_t1"] = R(i.CostPerExtraResponderT1);
            o["quadrant"] = i.Quadrant;
            o["in_words"] = i.InWords;
            o["bed_days_freed"] = R(i.BedDaysFreed);
        }

        return o;
    }

    private static double? R(double? x) => x is double v ? (double.IsFinite(v) ? Math.Round(v, 4) : 0) : null;
}
