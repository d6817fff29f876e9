using Microsoft.Extensions.Logging;
using WardTwin.DeviceData.Hl7;
using WardTwin.DeviceData.Mllp;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Feed;

/// <summary>
/// A ward's devices as HL7: every interval each monitor and pump sends a PCD-01 of what it shows (only when it has
/// something newer than its last report), each on its own phase within the interval so a ward's devices do not all
/// report at one instant; every alarm start, escalation and end goes out as a PCD-04 within a tick, and an alarm
/// still active is repeated as a continue at the monitor's report. It builds messages off the ward's turns, on its
/// own timer, and hands them to the sender, which never blocks.
/// </summary>
public sealed class Hl7Output(WardDeviceState ward, MllpSender sender, Hl7Options options, DeviceDataMetrics metrics, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<string, Schedule> _schedules = new(StringComparer.Ordinal);
    private readonly ControlIds _ids = new();
    private readonly MessageHeader _header = new(options.SendingApplication, options.SendingFacility, options.ReceivingApplication, options.ReceivingFacility);

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var reporter = new DeliveryReport(sender, metrics, logger, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Step(time.GetUtcNow());
                reporter.MaybeLog();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One tick: alarm events at once, then every device whose report is due.</summary>
    public void Step(DateTimeOffset now)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in ward.TakeAlarmEvents())
        {
            SendAlarm(e, now);
        }

        var interval = TimeSpan.FromSeconds(options.IntervalS);
        foreach (var (device, reading) in ward.Monitors())
        {
            seen.Add(device.Key);
            var s = ScheduleOf(device, now, interval);
            if (now < s.Due)
            {
                continue;
            }

            s.Due = Next(s.Due, now, interval);
            if (reading.Sequence != s.LastSequence)
            {
                s.LastSequence = reading.Sequence;
                var o = new MonitorObservation(device, DateTimeOffset.FromUnixTimeMilliseconds(reading.SampledUnixMs), reading.HrPerMin, reading.SbpMmHg, reading.DbpMmHg, reading.Spo2Percent, reading.RrPerMin, reading.Artefact == 1);
                Send(device, "pcd01", id => Pcd01Builder.Monitor(_header, o, id, now));
            }

            foreach (var e in ward.Continuing(device.Patient, now))
            {
                SendAlarm(e, now);
            }
        }

        foreach (var (device, pump, at) in ward.Pumps())
        {
            seen.Add(device.Key);
            var s = ScheduleOf(device, now, interval);
            if (now < s.Due)
            {
                continue;
            }

            s.Due = Next(s.Due, now, interval);
            if (at != s.LastAt)
            {
                s.LastAt = at;
                Send(device, "pcd01", id => Pcd01Builder.Pump(_header, Observation(device, pump, at), id, now));
            }
        }

        // Devices of discharged patients: their schedules go and their own connections close once they delivered.
        if (_schedules.Count > seen.Count)
        {
            foreach (string gone in _schedules.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _schedules.Remove(gone);
                sender.Forget(gone);
            }
        }
    }

    public static PumpObservation Observation(DeviceIdentity device, PumpView pump, DateTimeOffset at) =>
        new(device, at, pump.State, pump.DeliveredRateMgPerH, pump.ConcentrationMgPerMl, pump.DeliveredMg, pump.VtbiRemainingMl, pump.RemainingMl, pump.Product);

    private void SendAlarm(AlarmEvent e, DateTimeOffset now) => Send(e.Device, "pcd04", id => Pcd04Builder.Alarm(_header, e, id, now));

    private void Send(DeviceIdentity device, string kind, Func<string, string> build)
    {
        string id = _ids.Next();
        sender.Send(OutboundMessage.Of(device.Key, kind, id, build(id)));
        metrics.Hl7Queued(kind);
    }

    private Schedule ScheduleOf(DeviceIdentity device, DateTimeOffset now, TimeSpan interval)
    {
        if (!_schedules.TryGetValue(device.Key, out var s))
        {
            // The device's own phase: a stable fraction of the interval from its identifier.
            double phase = (ulong.Parse(device.Eui64, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) % 10_000) / 10_000.0;
            s = _schedules[device.Key] = new Schedule { Due = now + (interval * phase) };
        }

        return s;
    }

    /// <summary>The next report on the device's phase; a tick that came late skips the reports it missed instead of bursting.</summary>
    private static DateTimeOffset Next(DateTimeOffset due, DateTimeOffset now, TimeSpan interval)
    {
        var next = due + interval;
        return next > now ? next : now + interval - TimeSpan.FromTicks((now - due).Ticks % interval.Ticks);
    }

    private sealed class Schedule
    {
        public DateTimeOffset Due { get; set; }

        public long LastSequence { get; set; } = -1;

        public DateTimeOffset LastAt { get; set; }
    }
}
