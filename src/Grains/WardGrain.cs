using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WardTwin.Model.Randomness;

namespace WardTwin.Grains;

/// <summary>
/// A ward: beds, admissions, arrivals (a rate or a schedule) with a waiting list when beds are full,
/// discharges when treatment ends, bed occupancy over time. Its clock moves on a grain timer; each move
/// advances every occupied bed's patient to the new time (the patients do their own events).
/// </summary>
public sealed class WardGrain(
    ModelCatalog catalog,
    [FromKeyedServices(WardGrain.ClockKey)] TimeProvider time,
    IOptions<WardTwinOptions> options,
    WardTwinMetrics metrics,
    ILogger<WardGrain> logger) : Grain, IWardGrain
{
    public const string ClockKey = "ward-clock";

    private readonly List<OccupancyPoint> _occupancy = [];
    private readonly Queue<double> _waiting = new();
    private readonly Queue<double> _lags = new();
    private WardConfig? _config;
    private WardClock? _clock;
    private string?[] _beds = [];
    private PatientTick?[] _ticks = [];
    private double _simH;
    private double _nextArrivalH = double.PositiveInfinity;
    private int _scheduleIndex;
    private int _admitted;
    private int _discharged;
    private double _lagMs;
    private SeededRandom _arrivals;
    private IGrainTimer? _timer;

    private WardConfig Config => _config ?? throw new InvalidOperationException($"ward {this.GetPrimaryKeyString()} has not been started");

    public async Task<WardStatus> StartAsync(WardConfig config)
    {
        if (_config is not null)
        {
            throw new InvalidOperationException($"ward {this.GetPrimaryKeyString()} is already running");
        }

        if (config.Beds is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"beds must be 1..100000, not {config.Beds}");
        }

        if (config.MonitorHz <= 0 || config.ArrivalsPerDay < 0 || config.MaxSpeedStepH <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), "monitor Hz and the max-speed step must be > 0, arrivals per day >= 0");
        }

        _ = DataErrors.Translate(() => catalog.WardPlan(config.ProtocolId)); // an unknown protocol fails here, before the ward exists
        _clock = new WardClock(time, config.TimeScale);
        _config = config;
        _beds = new string?[config.Beds];
        _ticks = new PatientTick?[config.Beds];
        _arrivals = new SeededRandom(SeededRandom.Key(config.Seed, -2, 0xA77));
        bool fillAtStart = config.ArrivalsPerDay == 0 && config.ArrivalScheduleH is null;
        _nextArrivalH = NextArrival(0);
        if (fillAtStart)
        {
            for (int b = 0; b < config.Beds; b++)
            {
                await AdmitToBed(b, 0);
            }
        }

        _clock.Start(0);
        _occupancy.Add(new OccupancyPoint(0, Occupied, 0));
        _timer = this.RegisterGrainTimer(_ => TickCore(), new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(options.Value.WardTickMs), TimeSpan.FromMilliseconds(options.Value.WardTickMs)) { KeepAlive = true });
        metrics.WardStarted();
        Log.WardStarted(logger, this.GetPrimaryKeyString(), config.Beds, config.ProtocolId, config.TimeScale);
        return Status();
    }

    public Task PauseAsync()
    {
        _ = Config;
        _clock!.Pause();
        return Task.CompletedTask;
    }

    public Task ResumeAsync()
    {
        _ = Config;
        _clock!.Start(_simH);
        return Task.CompletedTask;
    }

    public Task SetTimeScaleAsync(double timeScale)
    {
        _ = Config;
        _clock!.SetTimeScale(timeScale, _simH);
        return Task.CompletedTask;
    }

    public async Task<WardStatus> TickAsync()
    {
        _ = Config;
        await TickCore();
        return Status();
    }

    public async Task<string> AdmitAsync(int bed)
    {
        _ = Config;
        CheckBed(bed);
        if (_beds[bed] is { } occupant)
        {
            throw new InvalidOperationException($"bed {bed} is occupied by {occupant}");
        }

        return await AdmitToBed(bed, _simH);
    }

    public Task DischargeAsync(int bed)
    {
        _ = Config;
        CheckBed(bed);
        if (_beds[bed] is null)
        {
            throw new InvalidOperationException($"bed {bed} is empty");
        }

        Free(bed);
        return Task.CompletedTask;
    }

    public Task<WardStatus> GetStatusAsync() => Task.FromResult(Status());

    public Task<double[]> GetTickLagsMsAsync() => Task.FromResult(_lags.ToArray());

    public Task<IReadOnlyList<OccupancyPoint>> GetOccupancyAsync() => Task.FromResult<IReadOnlyList<OccupancyPoint>>(_occupancy.ToArray());

    private int Occupied => _beds.Count(b => b is not null);

    private async Task TickCore()
    {
        var clock = Stopwatch.StartNew();
        double target = _clock!.TargetH(_simH, Config.MaxSpeedStepH);
        if (target <= _simH)
        {
            return;
        }

        while (_nextArrivalH <= target)
        {
            _waiting.Enqueue(_nextArrivalH);
            _nextArrivalH = NextArrival(_nextArrivalH);
        }

        await AdmitWaiting(target);
        var advancing = new List<Task>();
        for (int b = 0; b < _beds.Length; b++)
        {
            if (_beds[b] is { } id)
            {
                advancing.Add(Advance(b, id, target));
            }
        }

        await Task.WhenAll(advancing);
        _simH = target;
        for (int b = 0; b < _beds.Length; b++)
        {
            if (_ticks[b] is { TreatmentEnded: true })
            {
                Free(b);
            }
        }

        await AdmitWaiting(target);
        var last = _occupancy[^1];
        if (last.Occupied != Occupied || last.Waiting != _waiting.Count)
        {
            _occupancy.Add(new OccupancyPoint(_simH, Occupied, _waiting.Count));
        }

        _lagMs = clock.Elapsed.TotalMilliseconds;
        metrics.EventLag.Record(_lagMs);
        _lags.Enqueue(_lagMs);
        if (_lags.Count > 3600)
        {
            _lags.Dequeue();
        }
    }

    private async Task Advance(int bed, string id, double target) =>
        _ticks[bed] = await GrainFactory.GetGrain<IPatientGrain>(id).AdvanceToAsync(target);

    private async Task AdmitWaiting(double atH)
    {
        for (int b = 0; b < _beds.Length && _waiting.Count > 0; b++)
        {
            if (_beds[b] is null)
            {
                _waiting.Dequeue();
                await AdmitToBed(b, atH);
            }
        }
    }

    private async Task<string> AdmitToBed(int bed, double atH)
    {
        string id = $"{this.GetPrimaryKeyString()}/{_admitted}";
        await GrainFactory.GetGrain<IPatientGrain>(id).AdmitAsync(new PatientAdmission(
            this.GetPrimaryKeyString(), bed, Config.ProtocolId, Config.Seed, _admitted, atH, Config.MonitorHz, Config.AutoNurse));
        _admitted++;
        _beds[bed] = id;
        _ticks[bed] = null;
        metrics.AdmissionStarted();
        Log.Admitted(logger, this.GetPrimaryKeyString(), id, bed, atH);
        return id;
    }

    private void Free(int bed)
    {
        Log.Discharged(logger, this.GetPrimaryKeyString(), _beds[bed]!, bed, _simH);
        _beds[bed] = null;
        _ticks[bed] = null;
        _discharged++;
        metrics.AdmissionEnded();
    }

    private double NextArrival(double afterH)
    {
        var c = Config;
        if (c.ArrivalScheduleH is { } schedule)
        {
            while (_scheduleIndex < schedule.Length && schedule[_scheduleIndex] < afterH)
            {
                _scheduleIndex++;
            }

            return _scheduleIndex < schedule.Length ? schedule[_scheduleIndex++] : double.PositiveInfinity;
        }

        return c.ArrivalsPerDay > 0 ? afterH + (-Math.Log(_arrivals.NextDouble()) * 24 / c.ArrivalsPerDay) : double.PositiveInfinity;
    }

    private void CheckBed(int bed)
    {
        if (bed < 0 || bed >= _beds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bed), $"bed {bed} does not exist (beds 0..{_beds.Length - 1})");
        }
    }

    private WardStatus Status()
    {
        var beds = new List<BedStatus>(_beds.Length);
        for (int b = 0; b < _beds.Length; b++)
        {
            var t = _ticks[b];
            beds.Add(new BedStatus(b, _beds[b], t is null ? null : (t.HoursSinceAdmission / 24) + 1, t?.DeliveredRateMgPerH, t?.LastNrs, t?.Vitals, []));
        }

        return new WardStatus(this.GetPrimaryKeyString(), _simH, _clock?.TimeScale ?? 0, _clock?.Running ?? false, _beds.Length, Occupied, _waiting.Count, _admitted, _discharged, beds, _lagMs);
    }
}
