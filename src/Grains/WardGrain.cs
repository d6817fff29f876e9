using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WardTwin.Grains;

/// <summary>
/// A ward: beds, admissions, arrivals (a rate or a schedule) with a waiting list when beds are full,
/// discharges when treatment ends, bed occupancy over time. Its clock moves on a grain timer; each move
/// advances every occupied bed's patient to the new time (the patients do their own events). Its state is
/// stored at every change and checkpointed while it runs; a running ward is listed in the ward registry, so
/// the ward keeper wakes it on another silo if its own is lost, and activation re-arms the clock.
/// </summary>
public sealed class WardGrain(
    [PersistentState("ward", WardTwinStorage.Name)] IPersistentState<WardState> state,
    ModelCatalog catalog,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    IOptions<WardTwinOptions> options,
    WardTwinMetrics metrics,
    TelemetryBatcher batcher,
    ILogger<WardGrain> logger) : Grain, IWardGrain
{
    private bool _watched;
    private WardConfig? _config;
    private WardClock? _clock;
    private WardRoster _roster = WardRoster.Empty();
    private double _simH;
    private TickLags? _lags;
    private bool _stopped;
    private IGrainTimer? _timer;
    private long _lastCheckpointTicks;
    private StoreHealth? _health;

    private string Id => this.GetPrimaryKeyString();

    private WardConfig Config => _config is not null && !_stopped ? _config : throw NotRunning();

    private IWardRegistryGrain Registry => GrainFactory.GetGrain<IWardRegistryGrain>(IWardRegistryGrain.Key);

    private int Occupied => _roster.Occupied;

    private WardBeds Beds => _roster.Beds;

    private WardBedCalls Calls => new(GrainFactory, Id, _roster, metrics, logger, options.Value.WardCallsInFlight);

    private StoreHealth Health => _health ??= new StoreHealth("ward", Id, logger, metrics);

    private TickLags Lags => _lags ??= new TickLags(metrics);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        _roster = WardRoster.Empty(s.Admitted, s.Discharged);
        if (s.Config is null || s.Stopped)
        {
            _stopped = s.Stopped;
            _config = s.Config;
            return Task.CompletedTask;
        }

        _config = s.Config;
        _roster = WardRoster.Restore(s);
        _simH = s.SimH;
        _clock = new WardClock(time, s.TimeScale);
        _clock.Restore(s.ClockAnchor, s.ClockAnchorH, s.Running);

        ArmClock();
        metrics.WardRestored(Occupied);
        Log.WardRestored(logger, Id, _simH, Occupied);
        return Task.CompletedTask;
    }

    /// <summary>Idle or moved: store where the clock is. Not when the silo shuts down (its storage may be gone); the last checkpoint stands.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_config is not null && !_stopped)
        {
            if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
            {
                await Checkpoint();
            }

            metrics.WardLeft(Occupied);
        }
    }

    public async Task<WardStatus> StartAsync(WardConfig config)
    {
        if (_config is not null && !_stopped)
        {
            throw new InvalidOperationException($"ward {Id} is already running (stop it before starting it again)");
        }

        WardRoster.Check(config);
        _ = DataErrors.Translate(() => catalog.WardPlan(config.ProtocolId)); // an unknown protocol fails here, before the ward exists
        _clock = new WardClock(time, config.TimeScale);
        _config = config;
        _stopped = false;
        _simH = 0;
        _roster = WardRoster.Start(config, _roster.Admitted, _roster.Discharged);
        try
        {
            await Calls.FillAtStartAsync(config);
        }
        catch
        {
            // Not started: the caller learns why, and a new start begins from scratch.
            _config = null;
            throw;
        }

        if (config.StartPaused)
        {
            _clock.Restore(time.GetUtcNow(), 0, running: false); // the clock waits for a resume
        }
        else
        {
            _clock.Start(0);
        }

        _roster.NoteOccupancy(0);
        await Checkpoint();
        await Registry.AddAsync(Id);
        ArmClock();
        metrics.WardStarted();
        Log.WardStarted(logger, Id, config.Beds, config.ProtocolId, config.TimeScale);
        return Status();
    }

    public async Task<WardStatus> StopAsync()
    {
        _ = Config;
        await Calls.DischargeAllAsync(_simH);
        _clock!.Pause();
        _stopped = true;
        _timer?.Dispose();
        _timer = null;
        await Checkpoint();
        await Registry.RemoveAsync(Id);
        metrics.WardEnded();
        Log.WardStopped(logger, Id, _simH);
        Publish();
        return Status();
    }

    // Pausing and a new scale move the ward up to the instant first: the monitors sample by the clock between
    // ticks, so the ward must not stop (and later resume) behind the readings they already took.
    public Task PauseAsync() => ChangeClock(c => c.Pause(), tickFirst: true);

    public Task ResumeAsync() => ChangeClock(c => c.Start(_simH), tickFirst: false);

    public Task SetTimeScaleAsync(double timeScale) => ChangeClock(c => c.SetTimeScale(timeScale, _simH), tickFirst: true);

    /// <summary>A change of the clock, stored and told to every bed at once (the tick does not run while paused).</summary>
    private async Task ChangeClock(Action<WardClock> change, bool tickFirst)
    {
        _ = Config;
        if (tickFirst)
        {
            await TickCore();
        }

        change(_clock!);
        await Checkpoint();
        await AnnounceClock();
    }

    /// <summary>The clock as monitors read it: they sample on their own schedule and need its anchor, scale and state.</summary>
    private WardClockView ClockView(double latestH) =>
        new(_clock!.Anchor.ToUnixTimeMilliseconds(), _clock.AnchorH, _clock.TimeScale, _clock.Running && !_stopped, latestH, _watched);

    /// <summary>Paused, resumed or rescaled: every bed hears of it now (the tick does not run while paused).</summary>
    private async Task AnnounceClock()
    {
        await Calls.MoveAllAsync(_simH, ClockView(_simH));
        Publish();
    }

    public async Task SetWatchedAsync(bool watched, bool newWatcher = false)
    {
        bool show = watched && (newWatcher || !_watched);
        _watched = watched;
        if (show && _config is not null && _clock is not null)
        {
            // A page opens on a paused ward too: every bed pushes what it shows now, not at the next tick.
            await AnnounceClock();
        }
    }

    /// <summary>The ward's status to the pages watching it (through the telemetry hub), after every tick and change of its clock.</summary>
    private void Publish()
    {
        if (_watched && _config is not null)
        {
            batcher.Post(Status());
        }
    }

    public async Task<WardStatus> TickAsync()
    {
        _ = Config;
        await TickCore();
        return Status();
    }

    public async Task<string> AdmitAsync(int bed)
    {
        string id = await Calls.AdmitByHandAsync(bed, _simH, Config);
        await Checkpoint();
        Publish();
        return id;
    }

    public async Task DischargeAsync(int bed)
    {
        _ = Config;
        await Calls.DischargeByHandAsync(bed, _simH);
        await Checkpoint();
        Publish(); // the pages see the bed empty now, paused or not
    }

    public Task<bool> EnsureRunningAsync() => Task.FromResult(_config is not null && !_stopped);

    public Task<WardStatus> GetStatusAsync() => _config is null ? throw NotRunning() : Task.FromResult(Status());

    public Task<double[]> GetTickLagsMsAsync() => Task.FromResult(Lags.ToArray());

    public Task<IReadOnlyList<OccupancyPoint>> GetOccupancyAsync() =>
        _config is null ? throw NotRunning() : Task.FromResult<IReadOnlyList<OccupancyPoint>>(_roster.Occupancy.ToArray());

    /// <summary>A ward never started leaves no activation behind (random ids must not fill a silo).</summary>
    private KeyNotFoundException NotRunning()
    {
        if (_config is null)
        {
            DeactivateOnIdle();
        }

        return new(_stopped ? $"ward {Id} is stopped (start it again)" : $"ward {Id} has not been started");
    }

    private TimeSpan TickPeriod => TimeSpan.FromMilliseconds(options.Value.WardTickMs);

    private void ArmClock()
    {
        var period = TickPeriod;
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(_ => TimerTick(), new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        _lastCheckpointTicks = time.GetTimestamp();
    }

    /// <summary>A tick that throws is logged and the next one tries again: the clock never stops on an error.</summary>
    private async Task TimerTick()
    {
        long started = time.GetTimestamp();
        try
        {
            await TickCore();
            if (time.GetElapsedTime(_lastCheckpointTicks).TotalSeconds >= options.Value.WardCheckpointSeconds)
            {
                await Checkpoint();
            }
        }
        catch (Exception ex)
        {
            Log.TickFailed(logger, ex, Id, _simH);
        }
        finally
        {
            KeepCadence(started);
        }
    }

    /// <summary>
    /// Orleans counts a timer's period from the end of its callback, so a tick of 80 ms work at a 1 s period came every
    /// 1.08 s: the next tick is due a period after this one began. A tick longer than the period still leaves a whole
    /// period before the next, so an overloaded ward backs off rather than ticking back to back.
    /// </summary>
    private void KeepCadence(long startedTimestamp)
    {
        var period = TickPeriod;
        var took = time.GetElapsedTime(startedTimestamp);
        _timer?.Change(took < period ? period - took : period, period);
    }

    public async Task<WardStatus> JumpToAsync(double simTimeH)
    {
        _ = Config;
        if (!(simTimeH >= _simH) || !double.IsFinite(simTimeH))
        {
            throw new ArgumentOutOfRangeException(nameof(simTimeH), $"a jump goes forward: the ward is at {_simH:0.###} h, not past {simTimeH} h");
        }

        // In steps no longer than the fastest mode takes, so arrivals and discharges on the way happen in order.
        while (_simH < simTimeH)
        {
            await TickCore(Math.Min(simTimeH, _simH + Config.MaxSpeedStepH));
        }

        _clock!.Restore(time.GetUtcNow(), _simH, _clock.Running);
        await Checkpoint();
        await AnnounceClock();
        return Status();
    }

    private Task TickCore() => TickCore(_clock!.TargetH(_simH, Config.MaxSpeedStepH));

    private async Task TickCore(double target)
    {
        var clock = Stopwatch.StartNew();
        if (target <= _simH)
        {
            return;
        }

        bool changed = await Calls.MoveWardAsync(target, ClockView(target), Config);
        _simH = target;
        if (changed)
        {
            await Checkpoint();
        }

        Lags.Record(clock.Elapsed.TotalMilliseconds);
        Publish();
    }

    /// <summary>Stores the ward; a failed write is logged and the ward goes on (it is written again at the next change or checkpoint).</summary>
    private async Task Checkpoint()
    {
        _lastCheckpointTicks = time.GetTimestamp();
        state.State = _roster.ToState(_config, _simH, _clock, _stopped);
        await Health.CheckpointAsync(state, this);
    }

    private WardStatus Status() =>
        new(Id, _simH, _clock?.TimeScale ?? 0, (_clock?.Running ?? false) && !_stopped, Beds.Count, Occupied, _roster.WaitingCount, _roster.Admitted, _roster.Discharged, Beds.Status(), Lags.LastMs,
            RuntimeIdentity, _stopped, GrainContext.ActivationId.ToString());
}
