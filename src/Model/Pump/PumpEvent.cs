namespace WardTwin.Model.Pump;

/// <summary>One line of the pump's log.</summary>
public sealed record PumpEvent(double TimeH, string Kind, string Detail);
