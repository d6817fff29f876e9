using System.Text.Json.Serialization;
using WardTwin.Model.Pd;

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
    string? Notes = null)
{
    /// <summary>The pain measure the cohort's baseline was published in (model card section 3).</summary>
    public PainMeasure BaselineMeasure => BaselineNrs.Measure ?? PainMeasure.Current;
}

/// <summary>A reported distribution: mean and SD, or median and IQR, with optional bounds; a pain score also names its measure.</summary>
public sealed record Distribution(double? Mean = null, double? Sd = null, double? Median = null, double? Iqr = null, double? Min = null, double? Max = null, string? Source = null, PainMeasure? Measure = null);

public sealed record SourcedValue([property: JsonRequired] double Value, string? Source = null);
