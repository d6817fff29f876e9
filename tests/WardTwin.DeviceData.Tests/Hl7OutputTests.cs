using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using WardTwin.DeviceData.Feed;
using WardTwin.DeviceData.Mllp;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// The ward feed and the HL7 output together, stepped by hand over a real loopback receiver: each monitor reports
/// once an interval and only with a reading newer than its last report, an alarm goes out at once, and a discharged
/// patient's device is forgotten and its connection closed.
/// </summary>
public sealed class Hl7OutputTests
{
    private static readonly DateTimeOffset T0 = Golden.At;

    private static MonitorReading Reading(int patient, long sequence) => new(patient, sequence, 1, T0.ToUnixTimeMilliseconds(), 70, 120, 80, 97, 14, 0);

    private static WardStatus Ward(params int[] patients) =>
        new("w", 1, 1, true, 4, patients.Length, 0, patients.Length, 0, [.. patients.Select(p => new BedStatus(p + 10, $"w/{p}", 1, 3, null, null, []))], 0);

    private static TelemetryBatch Batch(MonitorReading[] readings, AlarmBoardChange[]? alarms = null, WardStatus? ward = null) =>
        new("w", readings, alarms ?? [], T0.ToUnixTimeMilliseconds(), null, ward);

    [Fact]
    public async Task Monitors_report_once_an_interval_only_with_new_readings_alarms_at_once_and_a_discharge_closes_the_device()
    {
        await using var receiver = new TestReceiver();
        var metrics = new DeviceDataMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        var options = new Hl7Options { Endpoint = $"mllp://127.0.0.1:{receiver.Port}", IntervalS = 10 };
        await using var sender = new MllpSender(options, metrics);
        var state = new WardDeviceState("w", TimeProvider.System);
        var output = new Hl7Output(state, sender, options, metrics, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await state.OnBatch(Batch([Reading(1, 1), Reading(2, 1)], ward: Ward(1, 2)));
        output.Step(T0);
        output.Step(T0.AddSeconds(10)); // every device's phase has come round once
        await RecordingObserver.Until(() => receiver.Accepted.Count == 2, "one report from each monitor");
        output.Step(T0.AddSeconds(20));
        await state.OnBatch(Batch([Reading(1, 2), Reading(2, 2)]));
        output.Step(T0.AddSeconds(25));
        output.Step(T0.AddSeconds(30));
        await RecordingObserver.Until(() => receiver.Accepted.Count == 4, "the second reports");
        Assert.Equal(4, metrics.Hl7Built); // no report at 20 s: nothing new since the last

        var spo2 = new AlarmView("spo2_below_90", "high", 1, false, false, true, "SpO2 < 90 %", "physiological");
        await state.OnBatch(Batch([], [new AlarmBoardChange(1, [spo2], ["spo2_below_90"], T0.ToUnixTimeMilliseconds(), T0.ToUnixTimeMilliseconds())]));
        output.Step(T0.AddSeconds(31));
        await RecordingObserver.Until(() => receiver.Accepted.Count == 5, "the PCD-04 start");
        Assert.Equal(2, sender.State().Connections);

        await state.OnBatch(Batch([], ward: Ward(1)));
        output.Step(T0.AddSeconds(32));
        Assert.Equal(1, sender.State().Connections);
        Assert.Single(state.Monitors());
    }
}
