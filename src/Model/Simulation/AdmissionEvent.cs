namespace WardTwin.Model.Simulation;

/// <summary>One line of an admission's log: titrations with reasons, co-medication, alarms, discharge.</summary>
public sealed record AdmissionEvent(double TimeH, string Kind, string Detail);
