using System.Text.Json.Serialization;

namespace WardTwin.Model.Costs;

/// <summary>Prices of one region (currency and price year in the file), each with its source; staff_rule says how staff time is counted once.</summary>
public sealed record PriceList(
    [property: JsonRequired] string Region,
    [property: JsonRequired] string Currency,
    [property: JsonRequired] int PriceYear,
    [property: JsonRequired] string Source,
    [property: JsonRequired] IReadOnlyDictionary<string, PriceItem> Items,
    PsaSettings? Psa = null,
    string? StaffRule = null,
    EconomicConventions? Conventions = null)
{
    /// <summary>A copy with one item's price replaced (a planner's own figure), marked as such; an unknown item throws naming the known ones.</summary>
    public PriceList With(string item, double value, string source) =>
        Items.TryGetValue(item, out var found) && value >= 0 && double.IsFinite(value)
            ? this with { Items = new Dictionary<string, PriceItem>(Items, StringComparer.Ordinal) { [item] = found with { Value = value, Source = source, Assumed = true } } }
            : throw new ArgumentException(found is null
                ? $"'{item}' is not a price item; known: {string.Join(", ", Items.Keys.Order(StringComparer.Ordinal))}"
                : $"{value} for {item} must be a number >= 0");

    /// <summary>Items every price list has (the healthcare perspective on the full basis uses them).</summary>
    public static IReadOnlyList<string> RequiredItems { get; } =
    [
        "inpatient_day", "telemetry_day_extra", "intensive_care_day", "day_care_session", "outpatient_visit",
        "drug_per_mg_s_ketamine", "drug_per_mg_racemic", "midazolam_per_dose", "nurse_per_h", "nurse_h_per_review",
    ];

    /// <summary>Items the societal perspective needs.</summary>
    public static IReadOnlyList<string> SocietalItems { get; } =
        ["productivity_loss_per_h", "productivity_h_per_treatment_day", "travel_per_km", "travel_km_per_trip", "parking_per_visit"];

    /// <summary>Every item some rule uses (CostCalculator) or that stands in for one (alternative_for); any other is refused.</summary>
    public static IReadOnlyList<string> KnownItems { get; } =
    [
        .. RequiredItems, .. SocietalItems, "inpatient_day_excl_staff", "iv_administration", "inpatient_day_for_profit", "inpatient_day_state_local",
    ];

    public double this[string item] => Items[item].Value;

    /// <summary>The file's conventions; a price file without them discounts nothing over one year (said so in the results).</summary>
    public EconomicConventions ConventionsOrDefault => Conventions ?? new EconomicConventions(0, 0, [], 1, "none in the price file", "no discounting, one year");
}

/// <summary>
/// One price with its source. Low and high are the range a one-way sensitivity analysis tries (with their own
/// source); alternative_for names the item this one can stand in for (a scenario and the one-way range use it).
/// </summary>
public sealed record PriceItem(
    [property: JsonRequired] double Value,
    [property: JsonRequired] string Source,
    bool Assumed = false,
    string? Unit = null,
    double? Low = null,
    double? High = null,
    string? RangeSource = null,
    string? AlternativeFor = null);
