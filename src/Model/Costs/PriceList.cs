using System.Text.Json.Serialization;

namespace WardTwin.Model.Costs;

/// <summary>Prices of one region (currency and price year in the file), each with its source.</summary>
public sealed record PriceList(
    [property: JsonRequired] string Region,
    [property: JsonRequired] string Currency,
    [property: JsonRequired] int PriceYear,
    [property: JsonRequired] string Source,
    [property: JsonRequired] IReadOnlyDictionary<string, PriceItem> Items,
    PsaSettings? Psa = null)
{
    public static IReadOnlyList<string> RequiredItems { get; } =
    [
        "inpatient_day", "telemetry_day_extra", "intensive_care_day", "day_care_session", "outpatient_visit",
        "drug_per_mg_s_ketamine", "drug_per_mg_racemic", "nurse_per_h", "nurse_h_per_review",
    ];

    public double this[string item] => Items[item].Value;
}

public sealed record PriceItem([property: JsonRequired] double Value, [property: JsonRequired] string Source, bool Assumed = false, string? Unit = null);
