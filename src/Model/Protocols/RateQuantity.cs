using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>A rate with its unit, as written in a protocol file: {"value": 14, "unit": "mg-per-h"}.</summary>
public sealed record RateQuantity([property: JsonRequired] double Value, [property: JsonRequired] RateUnit Unit, string? Source = null)
{
    public double ToMgPerHour(double weightKg, double sessionHours) => RateUnits.ToMgPerHour(Value, Unit, weightKg, sessionHours);

    public override string ToString() => $"{Value} {RateUnits.Symbol(Unit)}";
}
