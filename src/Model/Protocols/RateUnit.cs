using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>The units a protocol may state its rates in; all become mg/h of product for the pump.</summary>
public enum RateUnit
{
    [JsonStringEnumMemberName("mg/h")]
    MgPerH,
    [JsonStringEnumMemberName("mg/h/70kg")]
    MgPerHPer70Kg,
    [JsonStringEnumMemberName("mg/kg/h")]
    MgPerKgPerH,
    [JsonStringEnumMemberName("mg/session")]
    MgPerSession,
    [JsonStringEnumMemberName("mg/kg/session")]
    MgPerKgPerSession,
    [JsonStringEnumMemberName("mg/day")]
    MgPerDay,
}

public static class RateUnits
{
    public static string Symbol(RateUnit unit) => unit switch
    {
        RateUnit.MgPerH => "mg/h",
        RateUnit.MgPerHPer70Kg => "mg/h/70kg",
        RateUnit.MgPerKgPerH => "mg/kg/h",
        RateUnit.MgPerSession => "mg/session",
        RateUnit.MgPerKgPerSession => "mg/kg/session",
        RateUnit.MgPerDay => "mg/day",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static bool IsPerSession(RateUnit unit) => unit is RateUnit.MgPerSession or RateUnit.MgPerKgPerSession;

    /// <summary>Converts a rate to mg/h of product for a patient; per-session units spread the dose over the session.</summary>
    public static double ToMgPerHour(double value, RateUnit unit, double weightKg, double sessionHours, double referenceWeightKg = 70) => unit switch
    {
        RateUnit.MgPerH => value,
        RateUnit.MgPerHPer70Kg => value * weightKg / referenceWeightKg,
        RateUnit.MgPerKgPerH => value * weightKg,
        RateUnit.MgPerSession => value / sessionHours,
        RateUnit.MgPerKgPerSession => value * weightKg / sessionHours,
        RateUnit.MgPerDay => value / 24.0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
