using WardTwin.DeviceData.Hl7;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Feed;

/// <summary>
/// What a ward's devices last showed, kept from the ward's telemetry hub (this is its subscriber): each monitor's
/// latest reading, each pump's latest screen, which bed each admission lies in, and the PCD-04 events its alarm
/// boards produced. OnBatch only copies into dictionaries under a lock, so the hub's push never waits on a
/// receiver; the outputs read from here on their own schedule.
/// </summary>
public sealed class WardDeviceState(string wardId, TimeProvider time) : ITelemetryObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, MonitorReading> _readings = [];
    private readonly Dictionary<int, (PumpView Pump, DateTimeOffset At)> _pumps = [];
    private readonly Dictionary<int, AlarmTracker> _alarms = [];
    private readonly Dictionary<string, int> _beds = new(StringComparer.Ordinal);
    private readonly Queue<AlarmEvent> _alarmEvents = new();

    public string WardId => wardId;

    /// <summary>Batches received (a test waits on it; a report shows the feed is alive).</summary>
    public long Batches { get; private set; }

    public Task OnBatch(TelemetryBatch batch)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Batches++;
            if (batch.Ward is { } ward)
            {
                Occupied(ward);
            }

            foreach (var r in batch.Readings)
            {
                if (!_readings.TryGetValue(r.Patient, out var before) || before.Sequence < r.Sequence)
                {
                    _readings[r.Patient] = r;
                }
            }

            foreach (var b in batch.Beds ?? [])
            {
                _pumps[b.Patient] = (b.Pump, now);
            }

            foreach (var change in batch.Alarms)
            {
                var tracker = _alarms.TryGetValue(change.Patient, out var t) ? t : _alarms[change.Patient] = new AlarmTracker();
                var at = change.ChangedUnixMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(change.ChangedUnixMs) : now;
                foreach (var e in tracker.Apply(change.Board, kind => Identity(change.Patient, kind), code => Value(change.Patient, code), at))
                {
                    _alarmEvents.Enqueue(e);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Who lies where; a patient no longer in a bed (discharged) is forgotten, so a long ward's state stays flat.</summary>
    private void Occupied(WardStatus ward)
    {
        _beds.Clear();
        foreach (var b in ward.BedList)
        {
            if (b.AdmissionId is { } id)
            {
                _beds[id] = b.Bed;
            }
        }

        var present = _beds.Keys.Select(id => AdmissionKey.Parse(id).Number).ToHashSet();
        foreach (int gone in _readings.Keys.Concat(_pumps.Keys).Where(p => !present.Contains(p)).ToList())
        {
            _readings.Remove(gone);
            _pumps.Remove(gone);
            _alarms.Remove(gone);
        }
    }

    /// <summary>Each monitor's latest reading with its device identity.</summary>
    public List<(DeviceIdentity Device, MonitorReading Reading)> Monitors()
    {
        lock (_gate)
        {
            return [.. _readings.Select(p => (Identity(p.Key, DeviceKind.Monitor), p.Value))];
        }
    }

    /// <summary>Each pump's latest screen, when it came, with its device identity.</summary>
    public List<(DeviceIdentity Device, PumpView Pump, DateTimeOffset At)> Pumps()
    {
        lock (_gate)
        {
            return [.. _pumps.Select(p => (Identity(p.Key, DeviceKind.Pump), p.Value.Pump, p.Value.At))];
        }
    }

    /// <summary>The alarm events since the last call (start, escalate, end), oldest first.</summary>
    public List<AlarmEvent> TakeAlarmEvents()
    {
        lock (_gate)
        {
            var events = _alarmEvents.ToList();
            _alarmEvents.Clear();
            return events;
        }
    }

    /// <summary>A continue event for each alarm still active on a patient's monitor.</summary>
    public List<AlarmEvent> Continuing(int patient, DateTimeOffset at)
    {
        lock (_gate)
        {
            return _alarms.TryGetValue(patient, out var t)
                ? [.. t.Continuing(kind => Identity(patient, kind), code => Value(patient, code), at)]
                : [];
        }
    }

    private DeviceIdentity Identity(int patient, DeviceKind kind)
    {
        string admission = new AdmissionKey(wardId, patient).ToString();
        return new DeviceIdentity(wardId, _beds.TryGetValue(admission, out int bed) ? bed : patient, admission, patient, kind);
    }

    private double? Value(int patient, MdcCode code)
    {
        if (!_readings.TryGetValue(patient, out var r))
        {
            return null;
        }

        return code.Code switch
        {
            _ when code == Mdc.HeartRate => r.HrPerMin,
            _ when code == Mdc.Spo2 => r.Spo2Percent,
            _ when code == Mdc.NibpSys => r.SbpMmHg,
            _ when code == Mdc.RespRate => r.RrPerMin,
            _ => null,
        };
    }
}
