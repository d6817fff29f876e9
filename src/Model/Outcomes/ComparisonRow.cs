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

    public static ComparisonRow Of(CohortResult r, CohortResult comparator, int followUpWeek)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(comparator);
        var a = r.Admissions;
        int n = a.Length;
        var t1 = Proportion.Of(a.Count(x => x.ResponderT1TwoPoints), n);
        double cost = Mean(r);
        int responders = a.Count(x => x.ResponderT1TwoPoints);
        var rates = a.Where(x => x.EffectiveRateMgPerH is not null).Select(x => x.EffectiveRateMgPerH!.Value).ToArray();
        ComparisonIncrement? increment = null;
        if (!ReferenceEquals(r, comparator))
        {
            double dCost = cost - Mean(comparator);
            double dRate = t1.Rate - Proportion.Of(comparator.Admissions.Count(x => x.ResponderT1TwoPoints), comparator.Admissions.Length).Rate;
            double bedDaysFreed = (comparator.Admissions.Length == 0 ? 0 : comparator.Admissions.Average(x => x.BedDays)) - (n == 0 ? 0 : a.Average(x => x.BedDays));
            increment = new ComparisonIncrement(comparator.Protocol.Id, dCost, dRate, Math.Abs(dRate) < 1e-12 ? null : dCost / dRate, bedDaysFreed, r.Prices.Currency, r.Protocol.Id);
        }

        return new ComparisonRow(
            r.Protocol.Id, n, t1.Rate, t1.CiLow, t1.CiHigh,
            Proportion.Of(a.Count(x => x.ResponderT2TwoPoints), n).Rate,
            n == 0 ? null : Dist.Of(a.Select(x => x.T2WeeksAfterEnd)).Median,
            followUpWeek,
            n == 0 ? null : a.Count(x => followUpWeek <= x.WeeklyNrsAfter.Length && x.NrsT0 - x.WeeklyNrsAfter[followUpWeek - 1] >= 2) / (double)n,
            n == 0 ? 0 : a.Count(x => x.AnySideEffect) / (double)n,
            // No effective rate (session protocols have none) is no data, not zero.
            rates.Length == 0 ? null : Dist.Of(rates).Median,
            n == 0 ? 0 : a.Average(x => x.BedDays),
            n == 0 ? 0 : a.Average(x => x.DayCareSessions == 0 ? 0 : x.TreatmentH > 0 ? (r.Protocol.Schedule.SessionH ?? 0) * x.DayCareSessions : 0),
            cost,
            responders == 0 ? null : cost * n / responders,
            r.Prices.Currency,
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

    private static double Mean(CohortResult r) => r.Costs.Length == 0 ? 0 : r.Costs.Average(c => c.Total);

    private static double? R(double? x) => x is double v ? (double.IsFinite(v) ? Math.Round(v, 4) : 0) : null;
}
