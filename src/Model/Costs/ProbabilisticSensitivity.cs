using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using WardTwin.Model.Randomness;
using MathNet.Numerics.Statistics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Costs;

/// <summary>
/// Probabilistic sensitivity analysis (costs.md): each draw takes every price from a gamma distribution
/// around its value (coefficient of variation from the price file) and the T1 responder rate from its
/// Beta posterior, then re-prices the cohort's mean resource use. A cohort's mean cost is linear in the
/// prices, so no admission is simulated again. Seeded: the same seed gives the same spread.
/// </summary>
public static class ProbabilisticSensitivity
{
    public static PsaResult Run(Protocol protocol, AdmissionOutcome[] outcomes, PriceList prices, long seed)
    {
        var settings = prices.Psa ?? throw new InvalidOperationException($"price list {prices.Region} has no psa settings");
        int n = Math.Max(outcomes.Length, 1);
        double bedDays = outcomes.Sum(o => o.BedDays) / n;
        double sessions = outcomes.Sum(o => (double)o.DayCareSessions) / n;
        double mg = outcomes.Sum(o => o.TotalMg) / n;
        double reviews = outcomes.Sum(o => (double)o.Reviews) / n;
        double visits = outcomes.Sum(o => (double)o.OutpatientVisits) / n;
        int responders = outcomes.Count(o => o.ResponderT1TwoPoints);
        string dayItem = protocol.Setting == Setting.IntensiveCare ? "intensive_care_day" : "inpatient_day";
        string drugItem = protocol.Product == Product.SKetamine ? "drug_per_mg_s_ketamine" : "drug_per_mg_racemic";
        bool telemetry = protocol.Setting == Setting.TelemetryUnit;

        var random = new Xoshiro256StarStar((int)(seed ^ (seed >> 32)) ^ (int)StreamPurpose.PriceDraws);
        double shape = 1 / (settings.PriceCv * settings.PriceCv);
        double Draw(string item)
        {
            double price = prices[item];
            return price <= 0 || settings.PriceCv <= 0 ? price : Gamma.Sample(random, shape, shape / price);
        }

        var perPatient = new double[settings.Draws];
        var perResponder = new double[settings.Draws];
        for (int d = 0; d < settings.Draws; d++)
        {
            double cost = (bedDays * Draw(dayItem)) + (sessions * Draw("day_care_session")) + (mg * Draw(drugItem))
                + (reviews * Draw("nurse_h_per_review") * Draw("nurse_per_h"))
                + (telemetry ? bedDays * Draw("telemetry_day_extra") : 0) + (visits * Draw("outpatient_visit"));
            double rate = Beta.Sample(random, responders + 1, outcomes.Length - responders + 1);
            perPatient[d] = cost;
            perResponder[d] = cost / rate;
        }

        return new PsaResult(settings.Draws, settings.PriceCv, Summary(perPatient), Summary(perResponder));
    }

    private static PsaInterval Summary(double[] values)
    {
        Array.Sort(values);
        return new PsaInterval(values.Mean(), SortedArrayStatistics.Quantile(values, 0.025), SortedArrayStatistics.Quantile(values, 0.975));
    }
}

public sealed record PsaResult(int Draws, double PriceCv, PsaInterval PerPatient, PsaInterval PerResponderT1);

public sealed record PsaInterval(double Mean, double Low, double High);
