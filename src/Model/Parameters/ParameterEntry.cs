namespace WardTwin.Model.Parameters;

/// <summary>One model parameter with its unit and source; assumed ones are ours and may be fitted.</summary>
public sealed record ParameterEntry(double Value, string Source, bool Assumed = false, string? Unit = null, double? Min = null, double? Max = null);
