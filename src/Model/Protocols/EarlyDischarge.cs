namespace WardTwin.Model.Protocols;

/// <summary>Early discharge of inpatients: sustained severe side effects, or the patient's request (a daily hazard).</summary>
public sealed record EarlyDischarge(double? SevereSideEffectH = null, double RequestPerDay = 0, string? Source = null, string? Assumed = null);
