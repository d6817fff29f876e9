namespace WardTwin.Grains;

/// <summary>Silo settings (section "WardTwin"): where the data lives and how cohorts are split.</summary>
public sealed class WardTwinOptions
{
    public const string Section = "WardTwin";

    /// <summary>The data folder; empty means look for the repository's data/.</summary>
    public string? DataPath { get; set; }

    /// <summary>A parameter file for live wards; empty means data/params/default.json.</summary>
    public string? ParametersPath { get; set; }

    /// <summary>Admissions per cohort shard grain.</summary>
    public int ShardSize { get; set; } = 50;

    /// <summary>How often a running ward moves its clock, in real milliseconds.</summary>
    public int WardTickMs { get; set; } = 1000;
}
