using WardTwin.DeviceData.Hl7;

namespace WardTwin.DeviceData.Tests;

/// <summary>The fixed devices and readings the golden messages are built from.</summary>
internal static class Golden
{
    public static readonly DateTimeOffset At = new(2026, 12, 7, 10, 15, 30, TimeSpan.Zero);

    public static readonly DeviceIdentity Monitor = new("ward-1", 3, "ward-1/7", 7, DeviceKind.Monitor);

    public static readonly MonitorObservation Vitals = new(Monitor, At.AddSeconds(-2), 72.4, 128.2, 79.6, 97.2, 14.1, ProbeOff: false);

    public static readonly PumpObservation Pump = new(Monitor with { Kind = DeviceKind.Pump }, At, "running", 6, 2, 30, null, 412.5, "Ketamine");

    /// <summary>The text of one message as segments, for reading a field as a receiver would.</summary>
    public static string[][] Segments(string message) =>
        [.. message.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|'))];
}
