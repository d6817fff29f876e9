namespace WardTwin.Model.Protocols;

/// <summary>The infusion bag a protocol uses; missing fields take the parameter file's pump defaults.</summary>
public sealed record Bag(double? VolumeMl = null, double? ConcentrationMgPerMl = null, string? Source = null, string? Assumed = null);
