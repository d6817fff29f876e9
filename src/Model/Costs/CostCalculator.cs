using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Costs;

/// <summary>
/// Prices an admission's resource use (costs.md), every item by one rule:
/// bed-days × the day price of the setting (intensive care: intensive_care_day; else inpatient_day, or
/// inpatient_day_excl_staff on the staff-excluded basis) plus telemetry_day_extra on a telemetry unit;
/// outpatient sessions × day_care_session; mg × the product's drug price; midazolam doses × midazolam_per_dose;
/// titration reviews × nurse_h_per_review × nurse_per_h only on the staff-excluded basis (the full day prices
/// include staff); follow-up visits × outpatient_visit. Societal perspective adds lost paid work
/// (treatment days and sessions × productivity_h_per_treatment_day × productivity_loss_per_h) and travel
/// (trips × (travel_km_per_trip × travel_per_km + parking_per_visit); a trip per session and visit, one for an
/// inpatient stay).
/// </summary>
public sealed class CostCalculator
{
    private readonly PriceList _prices;
    private readonly CostRules _rules;

    public CostCalculator(PriceList prices, CostRules? rules = null)
    {
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _rules = rules ?? CostRules.Default;
        _rules.CheckAgainst(prices);
    }

    public string Currency => _prices.Currency;

    public CostBreakdown Cost(Protocol protocol, AdmissionOutcome o)
    {
        var p = _prices;
        bool staffExcluded = _rules.Basis == PriceBasis.StaffExcluded;
        double dayPrice = protocol.Setting == Setting.IntensiveCare ? p["intensive_care_day"]
            : staffExcluded ? p["inpatient_day_excl_staff"] : p["inpatient_day"];
        double beds = o.BedDays * dayPrice;
        double sessions = o.DayCareSessions * p["day_care_session"];
        double drug = o.TotalMg * (protocol.Product == Product.SKetamine ? p["drug_per_mg_s_ketamine"] : p["drug_per_mg_racemic"]);
        double coMedication = o.MidazolamDoses * p["midazolam_per_dose"];
        double nursing = staffExcluded ? o.Reviews * p["nurse_h_per_review"] * p["nurse_per_h"] : 0;
        double monitoring = protocol.Setting == Setting.TelemetryUnit ? o.BedDays * p["telemetry_day_extra"] : 0;
        double followUp = o.OutpatientVisits * p["outpatient_visit"];
        if (_rules.Perspective == Perspective.Healthcare)
        {
            return new CostBreakdown(beds, sessions, drug, coMedication, nursing, monitoring, followUp);
        }

        double daysAway = Math.Ceiling(o.BedDays) + o.DayCareSessions;
        double productivity = daysAway * p["productivity_h_per_treatment_day"] * p["productivity_loss_per_h"];
        double trips = o.DayCareSessions + o.OutpatientVisits + (o.BedDays > 0 ? 1 : 0);
        double travel = trips * ((p["travel_km_per_trip"] * p["travel_per_km"]) + p["parking_per_visit"]);
        return new CostBreakdown(beds, sessions, drug, coMedication, nursing, monitoring, followUp, productivity, travel);
    }
}
