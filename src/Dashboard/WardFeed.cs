using System.Text.Json;
using System.Threading.Channels;
using WardTwin.Grains;

namespace WardTwin.Dashboard;

/// <summary>
/// One ward's live feed in this dashboard process, shared by every browser watching it (the ward, patient and
/// trainee pages). It subscribes once to the ward's telemetry hub for everything it pushes: the monitors'
/// readings and alarm boards, the ward's status after each tick, and each patient's bedside (state, pump, a chart
/// point) after each move. It asks the grains once, when it starts (a paused ward pushes nothing until it is told
/// someone watches); after that nothing is polled. Every stream interval it builds one message with what changed
/// (the latest reading per monitor, readings it superseded counted as coalesced; every chart point since the
/// last message) and serializes it once for all connections. Every tenth message, and the first one a browser
/// gets, is a full snapshot (chart points excepted: a page loads a chart's history once), so a browser that fell
/// behind (its queue holds a few messages; the oldest go first) is whole again within seconds.
/// </summary>
public sealed class WardFeed : ITelemetryObserver, IAsyncDisposable
{
    private const int FullEvery = 10;
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);
    private readonly string _ward;
    private readonly IGrainFactory _grains;
    private readonly JsonSerializerOptions _json;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, MonitorReading> _vitals = [];
    private readonly Dictionary<int, AlarmView[]> _alarms = [];
    private readonly HashSet<int> _changedVitals = [];
    private readonly HashSet<int> _changedAlarms = [];
    private readonly Dictionary<int, BedView> _beds = [];
    private readonly Dictionary<int, BedUpdate> _bedside = [];
    private readonly Dictionary<int, List<PatientHistoryPoint>> _points = [];
    private WardStatus? _status;
    private readonly List<Channel<string>> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private ITelemetryObserver? _reference;
    private Task? _loop;
    private long _coalesced;
    private string? _error;
    private bool _renewSoon;
    private bool _statusChanged;
    private int _sent;

    public WardFeed(string ward, IGrainFactory grains, JsonSerializerOptions json, TimeSpan interval)
    {
        _ward = ward;
        _grains = grains;
        _json = json;
        _interval = interval;
    }

    /// <summary>Messages for one browser until it goes away.</summary>
    public async IAsyncEnumerable<string> Listen([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _connections.Add(channel);
            _loop ??= Task.Run(Run, CancellationToken.None); // the feed outlives this browser
        }

        try
        {
            channel.Writer.TryWrite(await Message(full: true));
            await foreach (string message in channel.Reader.ReadAllAsync(cancel))
            {
                yield return message;
            }
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(channel);
            }
        }
    }

    public Task OnBatch(TelemetryBatch batch)
    {
        lock (_gate)
        {
            foreach (var r in batch.Readings)
            {
                if (_vitals.ContainsKey(r.Patient) && _changedVitals.Contains(r.Patient))
                {
                    _coalesced++;
                }

                _vitals[r.Patient] = r;
                _changedVitals.Add(r.Patient);
            }

            foreach (var a in batch.Alarms)
            {
                _alarms[a.Patient] = a.Board;
                _changedAlarms.Add(a.Patient);
            }

            foreach (var b in batch.Beds ?? [])
            {
                _bedside[b.Patient] = b;
                (_points.TryGetValue(b.Patient, out var list) ? list : _points[b.Patient] = []).Add(b.Point);
            }

            if (batch.Ward is { } ward)
            {
                _status = ward;
                _statusChanged = true;
            }
        }

        return Task.CompletedTask;
    }

    private async Task Run()
    {
        var hub = _grains.GetGrain<IWardTelemetryGrain>(_ward);
        _reference = _grains.CreateObjectReference<ITelemetryObserver>(this);
        var renewAt = DateTime.MinValue;
        using var timer = new PeriodicTimer(_interval);
        try
        {
            do
            {
                try
                {
                    if (DateTime.UtcNow >= renewAt)
                    {
                        bool first = renewAt == DateTime.MinValue;
                        await hub.SubscribeDetailsAsync(_reference);
                        renewAt = DateTime.UtcNow + Renew;
                        if (first)
                        {
                            await Seed();
                        }
                    }

                    string message = await Message(full: ++_sent % FullEvery == 0);
                    lock (_gate)
                    {
                        foreach (var c in _connections)
                        {
                            c.Writer.TryWrite(message);
                        }
                    }
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
                {
                    renewAt = DateTime.MinValue; // subscribe again (and seed) at the next interval
                }

                if (_renewSoon)
                {
                    _renewSoon = false;
                    renewAt = DateTime.MinValue;
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The dashboard is stopping.
        }
    }

    /// <summary>The ward and its alarm boards as they stand when the feed starts or subscribes again (the hub pushes changes from then on).</summary>
    private async Task Seed()
    {
        try
        {
            var status = await _grains.GetGrain<IWardGrain>(_ward).GetStatusAsync();
            lock (_gate)
            {
                _status ??= status;
            }

            foreach (var id in status.BedList.Select(b => b.AdmissionId).OfType<string>())
            {
                var monitor = _grains.GetGrain<IBedsideMonitorGrain>(id);
                var board = await monitor.GetAlarmsAsync();
                var recent = await monitor.GetRecentAsync(1);
                var last = recent.Count > 0 ? recent[^1] : null;
                int patient = AdmissionKey.Parse(id).Number;
                lock (_gate)
                {
                    _alarms.TryAdd(patient, [.. board]);
                    if (last is not null && _vitals.TryAdd(patient, Reading(patient, last)))
                    {
                        _changedVitals.Add(patient);
                    }
                }
            }

            _error = null;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or OrleansException or TimeoutException)
        {
            // No ward yet, or not reachable: it is said in the messages, and the ward's pushes fill in once it runs.
            _error = ex is KeyNotFoundException or InvalidOperationException ? ex.Message : $"not reachable now, try again in a few seconds: {Errors.OneLine(ex)}";
            _renewSoon = true;
        }
    }

    /// <summary>
    /// The ward's figures, the beds whose row changed (all of them in a full message), what the monitors show and
    /// what each bedside shows (changes only, or everything), all as pushed, serialized once. A bed's day is rounded
    /// to what the page shows, so a row is sent again only when something a trainee can see changed.
    /// </summary>
    private Task<string> Message(bool full)
    {
        object? status = null;
        var beds = new List<BedView>();
        Dictionary<string, object> vitals, alarms, patients;
        long coalesced;
        bool statusChanged;
        lock (_gate)
        {
            statusChanged = _statusChanged;
            _statusChanged = false;
            if (_status is { } s)
            {
                status = new { s.WardId, s.SimTimeH, s.TimeScale, s.Running, s.Beds, s.Occupied, s.Waiting, s.Admitted, s.Discharged, s.LagMs, s.Stopped };
                foreach (var b in s.BedList)
                {
                    var view = new BedView(b.Bed, b.AdmissionId, b.ProtocolDay is { } d ? Math.Round(d, 1) : null, b.PumpRateMgPerH, b.LastNrs, b.Fault);
                    if (full || !_beds.TryGetValue(b.Bed, out var before) || before != view)
                    {
                        beds.Add(view);
                    }

                    _beds[b.Bed] = view;
                }
            }

            vitals = (full ? _vitals.Keys : (IEnumerable<int>)_changedVitals).ToDictionary(Id, p => (object)Show(_vitals[p]));
            alarms = (full ? _alarms.Keys : (IEnumerable<int>)_changedAlarms).ToDictionary(Id, p => (object)_alarms[p]);
            patients = (full ? _bedside.Keys : (IEnumerable<int>)_points.Keys).Where(_bedside.ContainsKey).ToDictionary(Id, p => (object)new
            {
                state = _bedside[p].State,
                pump = _bedside[p].Pump,
                points = full ? [] : _points.GetValueOrDefault(p) ?? [],
            });
            _changedVitals.Clear();
            _changedAlarms.Clear();
            _points.Clear();
            coalesced = _coalesced;
        }

        string? error = _status is null ? _error ?? "waiting for the ward" : null;
        return Task.FromResult(JsonSerializer.Serialize(new { status, statusChanged, beds, error, full, vitals, alarms, patients, coalesced }, _json));
    }

    /// <summary>A monitor's last reading as it stood when the feed started (a paused ward's monitors push none).</summary>
    private static MonitorReading Reading(int patient, VitalsReading v) =>
        new(patient, 0, v.SimTimeH, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (float)v.HrPerMin, (float)v.SbpMmHg, (float)v.DbpMmHg, (float)v.Spo2Percent, (float)v.RrPerMin,
            v.Artefact switch { "probeoff" => 1, "motion" => 2, _ => 0 });

    private static double R(float x) => Math.Round(x, 1);

    /// <summary>What the ward page shows of a bed, as sent.</summary>
    private sealed record BedView(int Bed, string? AdmissionId, double? ProtocolDay, double? PumpRateMgPerH, int? LastNrs, string? Fault);

    private string Id(int patient) => new AdmissionKey(_ward, patient).ToString();

    /// <summary>A reading as the page shows it: values to one decimal (the page shows none or one), which halves the bytes.</summary>
    private static object Show(MonitorReading r) => new
    {
        simTimeH = Math.Round(r.SimTimeH, 5), hrPerMin = R(r.HrPerMin), sbpMmHg = R(r.SbpMmHg), dbpMmHg = R(r.DbpMmHg), spo2Percent = R(r.Spo2Percent), rrPerMin = R(r.RrPerMin),
        artefact = r.Artefact switch { 1 => "probeoff", 2 => "motion", _ => null },
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_reference is not null)
        {
            _grains.DeleteObjectReference<ITelemetryObserver>(_reference);
        }

        _stop.Dispose();
    }
}
