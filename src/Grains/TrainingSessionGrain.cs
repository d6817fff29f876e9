using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WardTwin.Model.Data;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>
/// A training session (see <see cref="ITrainingSessionGrain"/>). Each trainee gets the ward "{session}.{trainee}";
/// scenario beds are numbered from 1 as the scenario numbers them (ward beds from 0). The session subscribes to its
/// trainees' ward hubs: each ward's status, each bedside's state and each monitor's alarm changes are pushed to it,
/// and it fires due events, checks conditions and records alarms as they arrive (its timer only renews the
/// subscriptions). A bed that cannot be reached is logged and skipped, never stops the session.
/// </summary>
public sealed class TrainingSessionGrain(
    [PersistentState("training", WardTwinStorage.Name)] IPersistentState<TrainingSessionState> state,
    ModelCatalog catalog,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<TrainingSessionGrain> logger) : Grain, ITrainingSessionGrain, ITelemetryObserver
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);
    private readonly Dictionary<string, PushedWard> _pushed = new(StringComparer.Ordinal);
    private Scenario? _scenario;
    private double _startClockH;
    private IGrainTimer? _timer;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>The scenario and its protocol's start time of day, read once (evidence lines are worded with it at every poll).</summary>
    private void Use(Scenario scenario)
    {
        _startClockH = Model.Protocols.ClockTime.ParseHours(catalog.Data.LoadProtocol(scenario.Ward.Protocol).StartOrDefault.Clock);
        _scenario = scenario;
    }

    private Scenario Scenario => _scenario ?? throw new KeyNotFoundException($"training session {Id} has not been started");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.ScenarioId is { } id)
        {
            Use(DataErrors.Translate(() => catalog.Data.LoadScenario(id)));
            Arm();
        }

        return Task.CompletedTask;
    }

    public async Task<TrainingView> StartAsync(string scenarioId, IReadOnlyList<string> trainees, bool startPaused = false)
    {
        if (state.State.ScenarioId is not null)
        {
            throw new InvalidOperationException($"training session {Id} has already started scenario {state.State.ScenarioId}");
        }

        SessionStart.CheckTrainees(trainees);
        var scenario = DataErrors.Translate(() => catalog.Data.LoadScenario(scenarioId));
        var config = SessionStart.WardConfig(scenario, startPaused);
        var clock = new List<RecordedEntry>();
        foreach (var trainee in trainees)
        {
            var ward = Ward(trainee);
            var status = await ward.StartAsync(config);
            if (scenario.Ward.StartAtH > 0)
            {
                status = await ward.JumpToAsync(scenario.Ward.StartAtH);
            }

            clock.Add(SessionClock.Entry(trainee, status, startPaused ? "the ward waits for the instructor to start the clock" : "the clock starts", null, time));
        }

        // Stored as given (an id, or the path of the instructor's own file), so a new activation loads the same file.
        state.State = new TrainingSessionState(scenarioId, [.. trainees], [.. clock], []);
        await state.WriteStateAsync();
        Use(scenario);
        Arm();
        Log.TrainingStarted(logger, Id, scenario.Id, trainees.Count);
        return await GetViewAsync();
    }

    public Task<TrainingView> GetViewAsync() => Reports().ViewAsync(state.State.Trainees);

    public async Task<TrainingActionReply> ActAsync(string trainee, int bed, TraineeCommand command)
    {
        var status = await Ward(Known(trainee)).GetStatusAsync();
        if (state.State.Ended.Contains(trainee))
        {
            return new TrainingActionReply("refused", $"{trainee}'s scenario has ended (a critical error): see the debrief", status.SimTimeH);
        }

        string patientId = SessionEvents.Occupant(status, bed);
        var before = await GrainFactory.GetGrain<IPatientGrain>(patientId).GetStateNowAsync();
        var (outcome, message, revision, aboveHard) = await new TraineeActionRunner(GrainFactory, Ward(trainee), bed, patientId, before).RunAsync(command);
        var entry = new RecordedEntry(RecordedKind.TraineeAction, trainee, bed, before.WardTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"{command.Action}{(command.Value is { } x ? " " + Model.Training.ActionIntents.Number(x) : string.Empty)}{(command.Target is { } g ? " " + Model.Training.AlarmWords.Of(g) : string.Empty)}: {outcome} ({message})",
            command.Action, command.Value, outcome == "accepted", command.Target, before.RateMgPerH, aboveHard);
        await Append([entry]);
        if (Scenario.Rubric.Any(l => l.Critical) && (await Reports().ScoreAsync(trainee, status)).CriticalError)
        {
            // A critical error ends this trainee's scenario: the ward's clock stops and later actions are refused.
            var paused = await Clock().ChangeAsync([trainee], w => w.PauseAsync(), "the scenario ended (a critical error)");
            state.State = state.State with { Ended = state.State.Ended.Add(trainee) };
            await Append(paused);
            message += "; a critical error: the scenario has ended";
        }
        else
        {
            await Append(await Events().DueEvents(trainee, status, id => GrainFactory.GetGrain<IPatientGrain>(id).GetStateNowAsync()!)); // events that wait on this action
        }

        return new TrainingActionReply(outcome, message, before.WardTimeH, revision);
    }

    public async Task InjectAsync(string? trainee, string? eventId, InjectionInput? custom, int? bed)
    {
        var targets = trainee is null ? state.State.Trainees.ToList() : [Known(trainee)];
        var scenarioEvent = SessionEvents.Resolve(Scenario, eventId, custom, bed);
        var entries = new List<RecordedEntry>();
        foreach (var t in targets)
        {
            var status = await Ward(t).GetStatusAsync();
            entries.Add(scenarioEvent is not null
                ? await Events().Fire(t, scenarioEvent, EventCause.Instructor, status)
                : await Events().FireCustom(t, custom!, bed!.Value, status));
        }

        await Append(entries);
    }

    public Task PauseAsync() => ChangeClocks(w => w.PauseAsync(), "paused by the instructor", state.State.Trainees);

    /// <summary>Every ward whose scenario goes on (a trainee's ended by a critical error stays stopped).</summary>
    public Task ResumeAsync() => ChangeClocks(w => w.ResumeAsync(), "running", Going);

    public Task SetTimeScaleAsync(double timeScale) => ChangeClocks(w => w.SetTimeScaleAsync(timeScale), "a new speed", state.State.Trainees);

    public async Task AnnotateAsync(string? trainee, int? bed, string text)
    {
        _ = Scenario;
        await Append(await SessionNotes.EntriesAsync(GrainFactory, Id, trainee is null ? state.State.Trainees : [Known(trainee)], bed, text, time));
    }

    public Task<BedLog> GetBedLogAsync(string trainee, int bed) => Reports().BedLogAsync(Known(trainee), bed);

    /// <summary>Moves every ward whose scenario goes on to its next titration review.</summary>
    public async Task<double?> JumpToNextReviewAsync()
    {
        _ = Scenario;
        var (entries, latest) = await Clock().JumpToNextReviewAsync(Going, Events().NextReviewAsync);
        await Append(entries);
        await TickAsync();
        return latest;
    }

    /// <summary>Fires due events, checks conditions and records alarms against the grains as they are now (an explicit check; pushes do the same as they arrive).</summary>
    public async Task TickAsync()
    {
        if (_scenario is null)
        {
            return;
        }

        var entries = new List<RecordedEntry>();
        foreach (var trainee in state.State.Trainees.Except(state.State.Ended))
        {
            var status = await Ward(trainee).GetStatusAsync();
            var events = Events();
            entries.AddRange(await events.DueEvents(trainee, status, id => GrainFactory.GetGrain<IPatientGrain>(id).GetStateNowAsync()!));
            entries.AddRange(await events.NewAlarms(trainee, status));
        }

        await Append(entries);
    }

    /// <summary>A trainee ward's push: its status, bedsides and alarm changes, checked as they arrive.</summary>
    public async Task OnBatch(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_scenario is null || (batch.Ward is null && batch.Beds is null && batch.Alarms.Length == 0))
        {
            return;
        }

        if (TraineeWardKey.TraineeOf(Id, batch.WardId) is not { } trainee || !state.State.Trainees.Contains(trainee) || state.State.Ended.Contains(trainee))
        {
            return;
        }

        var pushed = _pushed.TryGetValue(trainee, out var p) ? p : _pushed[trainee] = new PushedWard();
        pushed.Take(batch);
        if (pushed.Status is not { } status)
        {
            return;
        }

        await Append(await Events().FromPushAsync(trainee, status, pushed, batch.Alarms));
    }

    public Task<TrainingDebrief> GetDebriefAsync(string trainee) => Reports().DebriefAsync(Known(trainee));

    private async Task Append(List<RecordedEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await StateWrites.WriteOrRestoreAsync(state, state.State with { Record = state.State.Record.AddRange(entries) }, "training", Id, "the action itself was applied", logger);
    }

    /// <summary>The scenario's events and alarms as the record stands now.</summary>
    private SessionEvents Events() => new(GrainFactory, Scenario, Id, state.State.Record, time, logger);

    /// <summary>A change to the clocks of these trainees' wards, each recorded: real-second windows are counted from them.</summary>
    private async Task ChangeClocks(Func<IWardGrain, Task> change, string why, IEnumerable<string> trainees)
    {
        _ = Scenario;
        await Append(await Clock().ChangeAsync(trainees, change, why));
    }

    /// <summary>The trainees whose scenario goes on (not ended by a critical error).</summary>
    private IEnumerable<string> Going => state.State.Trainees.Except(state.State.Ended);

    private SessionClock Clock() => new(GrainFactory, Id, time);

    /// <summary>Subscribes to every trainee ward's hub now and every 20 s after (a hub forgets a subscriber that does not renew).</summary>
    private void Arm() =>
        _timer ??= this.RegisterGrainTimer(_ => SubscribeOrLog(), new GrainTimerCreationOptions(TimeSpan.Zero, Renew) { KeepAlive = true });

    private async Task SubscribeOrLog()
    {
        var self = this.AsReference<ITelemetryObserver>();
        foreach (var trainee in state.State.Trainees.Except(state.State.Ended))
        {
            try
            {
                await GrainFactory.GetGrain<IWardTelemetryGrain>(WardId(trainee)).SubscribeDetailsAsync(self);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                Log.TrainingBedFailed(logger, Id, trainee, 0, Errors.OneLine(ex));
            }
        }
    }

    private string Known(string trainee) => state.State.Trainees.Contains(trainee)
        ? trainee
        : throw new KeyNotFoundException($"trainee '{trainee}' is not in training session {Id} (trainees: {string.Join(", ", state.State.Trainees)})");

    /// <summary>Views, scores and debriefs as the record stands now.</summary>
    private SessionReports Reports() => new(GrainFactory, Scenario, Id, state.State.Record, _startClockH);

    private IWardGrain Ward(string trainee) => GrainFactory.GetGrain<IWardGrain>(WardId(trainee));

    private string WardId(string trainee) => new TraineeWardKey(Id, trainee).ToString();
}
