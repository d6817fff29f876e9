using System.Text.Json.Serialization;

namespace WardTwin.Model.Cohorts;

/// <summary>Who a protocol's virtual patients are drawn from; open fields fall back to the population defaults.</summary>
public sealed record Cohort(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Source,
    [property: JsonRequired] Distribution BaselineNrs,
    int? ReportedN = null,
    SourcedValue? FemaleFraction = null,
    Distribution? AgeYears = null,
    Distribution? WeightKg = null,
    Distribution? DiseaseDurationYears = null,
    string? Notes = null);

/// <summary>A reported distribution: mean and SD, or median and IQR, with optional bounds.</summary>
public sealed record Distribution(double? Mean = null, double? Sd = null, double? Median = null, double? Iqr = null, double? Min = null, double? Max = null, string? Source = null);

public sealed record SourcedValue([property: JsonRequired] double Value, string? Source = null);
