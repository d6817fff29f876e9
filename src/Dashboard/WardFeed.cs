using System.Text.Json;
using System.Threading.Channels;
using WardTwin.Grains;

namespace WardTwin.Dashboard;

/// <summary>
/// One ward's live feed in this dashboard process, shared by every browser watching it. It subscribes once
/// to the ward's telemetry hub (the monitors' pushed readings and alarm boards) and, every stream interval,
/// asks the ward for its status once, builds one message with what changed (the latest reading per monitor;
/// readings it superseded are counted as coalesced) and serializes it once for all connections. Every tenth
/// message, and the first one a browser gets, is a full snapshot, so a browser that fell behind (its queue
/// holds a few messages; the oldest go first) is whole again within seconds.
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
    private readonly List<Channel<string>> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private ITelemetryObserver? _reference;
    private Task? _loop;
    private long _coalesced;
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
        }

        return Task.CompletedTask;
    }

    private async Task Run()
    {
        var hub = _grains.GetGrain<IWardTelemetryGrain>(_ward);
        _reference = _grains.CreateObjectReference<ITelemetryObserver>(this);
        var renewAt = DateTime.MinValue;
        await SeedAlarms();
        using var timer = new PeriodicTimer(_interval);
        try
        {
            do
            {
                try
                {
                    if (DateTime.UtcNow >= renewAt)
                    {
                        await hub.SubscribeAsync(_reference);
                        renewAt = DateTime.UtcNow + Renew;
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
                    renewAt = DateTime.MinValue; // subscribe again at the next interval
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The dashboard is stopping.
        }
    }

    /// <summary>Alarm boards as they stand when the feed starts (the hub pushes only changes from then on).</summary>
    private async Task SeedAlarms()
    {
        try
        {
            var status = await _grains.GetGrain<IWardGrain>(_ward).GetStatusAsync();
            foreach (var id in status.BedList.Select(b => b.AdmissionId).OfType<string>())
            {
                var board = await _grains.GetGrain<IBedsideMonitorGrain>(id).GetAlarmsAsync();
                if (int.TryParse(id.Split('/')[^1], out int patient))
                {
                    lock (_gate)
                    {
                        _alarms.TryAdd(patient, [.. board]);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or OrleansException or TimeoutException)
        {
            // No ward yet, or not reachable: the boards arrive with their next change.
        }
    }

    /// <summary>
    /// The ward's figures, the beds whose row changed (all of them in a full message) and what the monitors show
    /// (changes only, or everything), serialized once. A bed's day is rounded to what the page shows, so a row
    /// is sent again only when something a trainee can see changed.
    /// </summary>
    private async Task<string> Message(bool full)
    {
        object? status = null;
        var beds = new List<BedView>();
        string? error = null;
        try
        {
            var s = await _grains.GetGrain<IWardGrain>(_ward).GetStatusAsync();
            status = new { s.WardId, s.SimTimeH, s.TimeScale, s.Running, s.Beds, s.Occupied, s.Waiting, s.Admitted, s.Discharged, s.LagMs, s.Stopped };
            lock (_gate)
            {
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
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or OrleansException or TimeoutException)
        {
            error = ex is KeyNotFoundException or InvalidOperationException ? ex.Message : $"not reachable now, try again in a few seconds: {Errors.OneLine(ex)}";
        }

        Dictionary<string, object> vitals, alarms;
        long coalesced;
        lock (_gate)
        {
            vitals = (full ? _vitals.Keys : (IEnumerable<int>)_changedVitals).ToDictionary(Id, p => (object)Show(_vitals[p]));
            alarms = (full ? _alarms.Keys : (IEnumerable<int>)_changedAlarms).ToDictionary(Id, p => (object)_alarms[p]);
            _changedVitals.Clear();
            _changedAlarms.Clear();
            coalesced = _coalesced;
        }

        return JsonSerializer.Serialize(new { status, beds, error, full, vitals, alarms, coalesced }, _json);
    }

    private static double R(float x) => Math.Round(x, 1);

    /// <summary>What the ward page shows of a bed, as sent.</summary>
    private sealed record BedView(int Bed, string? AdmissionId, double? ProtocolDay, double? PumpRateMgPerH, int? LastNrs, string? Fault);

    private string Id(int patient) => $"{_ward}/{patient}";

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
