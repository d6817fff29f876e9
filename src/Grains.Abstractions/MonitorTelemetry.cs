namespace WardTwin.Grains;

/// <summary>A monitor's recent readings and its alarms in one answer, for clients that poll many monitors.</summary>
[GenerateSerializer, Immutable]
public sealed record MonitorTelemetry([property: Id(0)] IReadOnlyList<VitalsReading> Readings, [property: Id(1)] IReadOnlyList<AlarmView> Alarms);
