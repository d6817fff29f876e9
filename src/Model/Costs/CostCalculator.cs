using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Costs;

/// <summary>Prices an admission's resource use (costs.md): bed-days or sessions, drug, nurse time, monitoring, follow-up.</summary>
public sealed class CostCalculator(PriceList prices)
{
    public string Currency => prices.Currency;

    public CostBreakdown Cost(Protocol protocol, AdmissionOutcome o)
    {
        double dayPrice = protocol.Setting == Setting.IntensiveCare ? prices["intensive_care_day"] : prices["inpatient_day"];
        double beds = o.BedDays * dayPrice;
        double sessions = o.DayCareSessions * prices["day_care_session"];
        double drugPrice = protocol.Product == Product.SKetamine ? prices["drug_per_mg_s_ketamine"] : prices["drug_per_mg_racemic"];
        double drug = o.TotalMg * drugPrice;
        double nursing = o.Reviews * prices["nurse_h_per_review"] * prices["nurse_per_h"];
        double monitoring = protocol.Setting == Setting.TelemetryUnit ? o.BedDays * prices["telemetry_day_extra"] : 0;
        double followUp = o.OutpatientVisits * prices["outpatient_visit"];
        return new CostBreakdown(beds, sessions, drug, nursing, monitoring, followUp);
    }
}
