using System.Text.RegularExpressions;
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
public sealed partial class TrainingSessionGrain(
    [PersistentState("training", WardTwinStorage.Name)] IPersistentState<TrainingSessionState> state,
    ModelCatalog catalog,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<TrainingSessionGrain> logger) : Grain, ITrainingSessionGrain, ITelemetryObserver
{
    private const int MaxTrainees = 8;
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

    public async Task<TrainingView> StartAsync(string scenarioId, IReadOnlyList<string> trainees)
    {
        if (state.State.ScenarioId is not null)
        {
            throw new InvalidOperationException($"training session {Id} has already started scenario {state.State.ScenarioId}");
        }

        if (trainees.Count is < 1 or > MaxTrainees || trainees.Distinct(StringComparer.Ordinal).Count() != trainees.Count)
        {
            throw new ArgumentException($"trainees: name 1-{MaxTrainees} different trainees");
        }

        foreach (var t in trainees.Where(t => !TraineeName().IsMatch(t)))
        {
            throw new ArgumentException($"trainees: '{t}' must be 1-32 lower-case letters, digits or '-'");
        }

        var scenario = DataErrors.Translate(() => catalog.Data.LoadScenario(scenarioId));
        var d = scenario.DecisionsOrDefault;
        var config = new WardConfig(scenario.Ward.Beds, scenario.Ward.Protocol, scenario.Ward.TimeScale, scenario.Patients[0].Seed,
            AutoNurse: d.Bags == Decider.Protocol,
            Patients: [.. scenario.Patients.Select(p => new BedPatient(p.Bed - 1, p.Seed, p.Index, p.Overrides.ToInput()))],
            TraineeTitrates: d.Titration == Decider.Trainee,
            TraineeFromH: scenario.Ward.StartAtH);
        foreach (var trainee in trainees)
        {
            var ward = Ward(trainee);
            await ward.StartAsync(config);
            if (scenario.Ward.StartAtH > 0)
            {
                await ward.JumpToAsync(scenario.Ward.StartAtH);
            }
        }

        // Stored as given (an id, or the path of the instructor's own file), so a new activation loads the same file.
        state.State = new TrainingSessionState(scenarioId, [.. trainees], [], []);
        await state.WriteStateAsync();
        Use(scenario);
        Arm();
        Log.TrainingStarted(logger, Id, scenario.Id, trainees.Count);
        return await GetViewAsync();
    }

    public async Task<TrainingView> GetViewAsync()
    {
        var s = Scenario;
        var views = new List<TraineeView>();
        foreach (var trainee in state.State.Trainees)
        {
            var status = await Ward(trainee).GetStatusAsync();
            var card = await Score(trainee, status);
            var latest = state.State.Record.Where(e => e.Trainee == trainee).TakeLast(30).ToArray();
            views.Add(new TraineeView(trainee, WardId(trainee), status.SimTimeH, status.Running, status.TimeScale, card.Score, card.CriticalError, latest, Lines(card)));
        }

        return new TrainingView(Id, s.Id, s.Title, views, [.. s.EventsOrEmpty.Select(e => e.Id)], s.Ward.StartAtH);
    }

    public async Task<TrainingActionReply> ActAsync(string trainee, int bed, TraineeCommand command)
    {
        var status = await Ward(Known(trainee)).GetStatusAsync();
        if (state.State.Ended.Contains(trainee))
        {
            return new TrainingActionReply("refused", $"{trainee}'s scenario has ended (a critical error): see the debrief", status.SimTimeH);
        }

        string patientId = Occupant(status, bed);
        var patient = GrainFactory.GetGrain<IPatientGrain>(patientId);
        var before = await patient.GetStateNowAsync();
        var pump = GrainFactory.GetGrain<IInfusionPumpGrain>(patientId);
        bool aboveHard = false;
        long? revision = null;
        (string outcome, string message) = command.Action switch
        {
            "set-rate" => await Pump(() =>
            {
                double v = Value(command, "mg/h");
                aboveHard = v > before.HardMaxMgPerH;
                return pump.SetRateAsync(v, command.ConfirmSoftLimit, command.Revision);
            }),
            "start" => await Pump(pump.StartAsync),
            "pause" => await Pump(pump.PauseAsync),
            "resume" => await Pump(pump.ResumeAsync),
            "stop" => await Pump(pump.StopAsync),
            "replace-bag" => await Pump(pump.ReplaceBagAsync),
            "set-vtbi" => await Pump(() => pump.SetVtbiAsync(command.Value)),
            "midazolam" => await Refusable(() => patient.GiveMidazolamAsync(Value(command, "mg"))),
            "discharge" => await Refusable(() => Ward(trainee).DischargeAsync(bed - 1)),
            "acknowledge-alarm" => await GrainFactory.GetGrain<IBedsideMonitorGrain>(patientId).AcknowledgeAsync(command.Target ?? throw new ArgumentException("target: which alarm to acknowledge"))
                ? ("accepted", "acknowledged")
                : ("refused", $"no alarm '{command.Target}' on this monitor"),
            _ => throw new ArgumentException($"action: unknown '{command.Action}' (known: set-rate, start, pause, resume, stop, replace-bag, set-vtbi, midazolam, discharge, acknowledge-alarm)"),
        };

        var entry = new RecordedEntry(RecordedKind.TraineeAction, trainee, bed, before.WardTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"{command.Action}{(command.Value is { } x ? " " + x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}{(command.Target is { } g ? " " + g : string.Empty)}: {outcome} ({message})",
            command.Action, command.Value, outcome == "accepted", command.Target, before.RateMgPerH, aboveHard);
        await Append([entry]);
        if (Scenario.Rubric.Any(l => l.Critical) && (await Score(trainee, status)).CriticalError)
        {
            // A critical error ends this trainee's scenario: the ward's clock stops and later actions are refused.
            await Ward(trainee).PauseAsync();
            state.State = state.State with { Ended = state.State.Ended.Add(trainee) };
            await state.WriteStateAsync();
            message += "; a critical error: the scenario has ended";
        }

        return new TrainingActionReply(outcome, message, before.WardTimeH, revision);

        async Task<(string, string)> Pump(Func<Task<PumpReply>> press)
        {
            var reply = await press();
            revision = reply.Revision;
            return (reply.Outcome, reply.Message);
        }

        // The patient's and the ward's refusals (a dose out of range, after discharge) are part of the record, not errors of the session.
        static async Task<(string, string)> Refusable(Func<Task> act)
        {
            try
            {
                await act();
                return ("accepted", "ok");
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return ("refused", Errors.OneLine(ex));
            }
        }
    }

    public async Task InjectAsync(string? trainee, string? eventId, InjectionInput? custom, int? bed)
    {
        var s = Scenario;
        var targets = trainee is null ? state.State.Trainees.ToList() : [Known(trainee)];
        ScenarioEvent? scenarioEvent = null;
        if (eventId is not null)
        {
            scenarioEvent = s.EventsOrEmpty.FirstOrDefault(e => e.Id == eventId)
                ?? throw new ArgumentException($"event: '{eventId}' is not one of this scenario's events ({string.Join(", ", s.EventsOrEmpty.Select(e => e.Id))})");
        }
        else if (custom is null || bed is null)
        {
            throw new ArgumentException("give a scenario event's id, or an event of your own with its bed");
        }
        else
        {
            custom.ToModel(); // refused here, before any ward sees it
        }

        var entries = new List<RecordedEntry>();
        foreach (var t in targets)
        {
            var status = await Ward(t).GetStatusAsync();
            entries.Add(scenarioEvent is not null
                ? await Fire(t, scenarioEvent, EventCause.Instructor, status)
                : await FireCustom(t, custom!, bed!.Value, status));
        }

        await Append(entries);
    }

    public Task PauseAsync() => ForEachWard(w => w.PauseAsync());

    public Task ResumeAsync() => ForEachWard(w => w.ResumeAsync());

    public Task SetTimeScaleAsync(double timeScale) => ForEachWard(w => w.SetTimeScaleAsync(timeScale));

    public async Task<double?> JumpToNextReviewAsync()
    {
        double? latest = null;
        foreach (var trainee in state.State.Trainees)
        {
            var status = await Ward(trainee).GetStatusAsync();
            double? next = null;
            foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
            {
                var now = await GrainFactory.GetGrain<IPatientGrain>(b.AdmissionId!).GetStateNowAsync();
                if (now.NextReviewWardH is { } r && (next is null || r < next))
                {
                    next = r;
                }
            }

            if (next is { } target && target > status.SimTimeH)
            {
                await Ward(trainee).JumpToAsync(target);
                latest = Math.Max(latest ?? target, target);
            }
        }

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
            entries.AddRange(await DueEvents(trainee, status, id => GrainFactory.GetGrain<IPatientGrain>(id).GetStateNowAsync()!));
            entries.AddRange(await NewAlarms(trainee, status));
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

        string trainee = batch.WardId[(Id.Length + 1)..];
        if (!state.State.Trainees.Contains(trainee) || state.State.Ended.Contains(trainee))
        {
            return;
        }

        var pushed = _pushed.TryGetValue(trainee, out var p) ? p : _pushed[trainee] = new PushedWard();
        pushed.Take(batch);
        if (pushed.Status is not { } status)
        {
            return;
        }

        var entries = new List<RecordedEntry>();
        try
        {
            entries.AddRange(await DueEvents(trainee, status, id => Task.FromResult(pushed.StateOf(id))));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or KeyNotFoundException)
        {
            Log.TrainingBedFailed(logger, Id, trainee, 0, Errors.OneLine(ex));
        }

        foreach (var change in batch.Alarms)
        {
            if (status.BedList.FirstOrDefault(b => b.AdmissionId is { } a && AdmissionKey.Parse(a).Number == change.Patient) is { } bed)
            {
                entries.AddRange(Raised(trainee, bed.Bed + 1, change.Board));
            }
        }

        await Append(entries);
    }

    /// <summary>The events due for a trainee now: on time by the ward's clock, or on a condition of a bed's state.</summary>
    private async Task<List<RecordedEntry>> DueEvents(string trainee, WardStatus status, Func<string, Task<PatientStateNow?>> stateOf)
    {
        var entries = new List<RecordedEntry>();
        double sessionH = status.SimTimeH - Scenario.Ward.StartAtH;
        foreach (var e in Scenario.EventsOrEmpty.Where(e => !Fired(trainee, e.Id)))
        {
            try
            {
                if (e.AtH is { } at ? at <= sessionH : await Holds(e, status, stateOf))
                {
                    entries.Add(await Fire(trainee, e, e.AtH is null ? EventCause.Condition : EventCause.Timeline, status));
                }
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                Log.TrainingBedFailed(logger, Id, trainee, e.Bed, Errors.OneLine(ex));
            }
        }

        return entries;
    }

    public async Task<TrainingDebrief> GetDebriefAsync(string trainee)
    {
        var s = Scenario;
        var status = await Ward(Known(trainee)).GetStatusAsync();
        var courses = await Courses(trainee, status);
        var card = TrainingScorer.Score(s, TrainingRecords.Entries(state.State.Record.Where(e => e.Trainee == trainee), courses), status.SimTimeH, s.Ward.StartAtH);
        var alarms = new List<AlarmView>();
        foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
        {
            alarms.AddRange(await GrainFactory.GetGrain<IBedsideMonitorGrain>(b.AdmissionId!).GetAlarmsAsync());
        }

        return new TrainingDebrief(Id, s.Id, s.Title, trainee, status.SimTimeH, card.Score, card.CriticalError, card.EndedBy, Lines(card),
            [.. state.State.Record.Where(e => e.Trainee == trainee)], courses, alarms);
    }

    private async Task<ScoreCard> Score(string trainee, WardStatus status) =>
        TrainingScorer.Score(Scenario, TrainingRecords.Entries(state.State.Record.Where(e => e.Trainee == trainee), await Courses(trainee, status)), status.SimTimeH, Scenario.Ward.StartAtH);

    /// <summary>Every admission the ward has made ("{ward}/{n}" for n below its count), replayed.</summary>
    private async Task<PatientCourse[]> Courses(string trainee, WardStatus status) =>
        await Task.WhenAll(Enumerable.Range(0, status.Admitted).Select(n => GrainFactory.GetGrain<IPatientGrain>($"{WardId(trainee)}/{n}").GetCourseAsync(status.SimTimeH)));

    private async Task<RecordedEntry> Fire(string trainee, ScenarioEvent e, EventCause cause, WardStatus status)
    {
        if (e.ToInjection() is { } injection)
        {
            await GrainFactory.GetGrain<IPatientGrain>(Occupant(status, e.Bed)).InjectAsync(injection.ToInput());
        }
        else
        {
            await Ward(trainee).AdmitAsync(e.Bed - 1);
        }

        Log.EventFired(logger, Id, trainee, e.Id, DataJson.EnumName(cause), e.Bed, status.SimTimeH);
        return new RecordedEntry(RecordedKind.EventFired, trainee, e.Bed, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"event {e.Id} ({DataJson.EnumName(cause)}): {e.Note ?? e.ToInjection()?.Describe() ?? "a new admission"}",
            EventId: e.Id, EventKind: DataJson.EnumName(e.Kind), Cause: DataJson.EnumName(cause));
    }

    private async Task<RecordedEntry> FireCustom(string trainee, InjectionInput custom, int bed, WardStatus status)
    {
        await GrainFactory.GetGrain<IPatientGrain>(Occupant(status, bed)).InjectAsync(custom);
        string id = $"instructor-{custom.Kind}";
        Log.EventFired(logger, Id, trainee, id, "instructor", bed, status.SimTimeH);
        return new RecordedEntry(RecordedKind.EventFired, trainee, bed, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"event {id} (instructor): {custom.ToModel().Describe()}", EventId: id, EventKind: custom.Kind, Cause: "instructor");
    }

    private static async Task<bool> Holds(ScenarioEvent e, WardStatus status, Func<string, Task<PatientStateNow?>> stateOf)
    {
        if (e.When is not { } c || status.BedList[e.Bed - 1].AdmissionId is not { } id || await stateOf(id) is not { } now)
        {
            return false;
        }

        return ScenarioConditions.Holds(c, new ConditionState(now.PlasmaSKetamineNgPerMl, now.FastEffectNgPerMl, now.SlowEffectNgPerMl,
            now.SideEffectGrades, now.HrPerMin, now.SbpMmHg, now.Spo2Percent));
    }

    /// <summary>Alarms on the beds' monitors not yet in the record, asked of the monitors (an explicit check).</summary>
    private async Task<List<RecordedEntry>> NewAlarms(string trainee, WardStatus status)
    {
        var found = new List<RecordedEntry>();
        foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
        {
            try
            {
                found.AddRange(Raised(trainee, b.Bed + 1, await GrainFactory.GetGrain<IBedsideMonitorGrain>(b.AdmissionId!).GetAlarmsAsync()));
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or KeyNotFoundException)
            {
                Log.TrainingBedFailed(logger, Id, trainee, b.Bed + 1, Errors.OneLine(ex));
            }
        }

        return found;
    }

    /// <summary>The alarms of a board not yet recorded (each raise once, by its kind and time).</summary>
    private IEnumerable<RecordedEntry> Raised(string trainee, int bed, IEnumerable<AlarmView> board)
    {
        foreach (var a in board)
        {
            bool seen = state.State.Record.Any(e => e.Kind == RecordedKind.AlarmRaised && e.Trainee == trainee && e.Bed == bed && e.Target == a.Kind && e.SimTimeH == a.RaisedAtH);
            if (!seen)
            {
                yield return new RecordedEntry(RecordedKind.AlarmRaised, trainee, bed, a.RaisedAtH, time.GetUtcNow().ToUnixTimeMilliseconds(),
                    $"alarm {a.Kind} ({a.Priority})", Target: a.Kind, Priority: a.Priority);
            }
        }
    }

    private async Task Append(List<RecordedEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var previous = state.State;
        state.State = previous with { Record = previous.Record.AddRange(entries) };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = previous;
            Log.StoreFailed(logger, ex, "training", Id);
            throw new StorageUnavailableException($"training {Id}: could not store the record ({Errors.OneLine(ex)}); the action itself was applied");
        }
    }

    private bool Fired(string trainee, string eventId) =>
        state.State.Record.Any(e => e.Kind == RecordedKind.EventFired && e.Trainee == trainee && e.EventId == eventId && e.Cause != "instructor");

    private async Task ForEachWard(Func<IWardGrain, Task> act)
    {
        _ = Scenario;
        foreach (var trainee in state.State.Trainees)
        {
            await act(Ward(trainee));
        }
    }

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

    private static string Occupant(WardStatus status, int bed) =>
        bed < 1 || bed > status.BedList.Count ? throw new ArgumentException($"bed: {bed} does not exist on a ward of {status.BedList.Count}")
        : status.BedList[bed - 1].AdmissionId ?? throw new InvalidOperationException($"bed {bed} is empty");

    private static double Value(TraineeCommand c, string unit) => c.Value is { } v && double.IsFinite(v) && v >= 0
        ? v
        : throw new ArgumentException($"value: {c.Action} needs a number of {unit} >= 0");

    private RubricLineView[] Lines(ScoreCard card) =>
        [.. card.Lines.Select(l => new RubricLineView(l.Id, l.Text, l.Weight, l.Met, l.Missed, l.Pending, l.Penalty, l.Critical,
            [.. l.Evidence.Select(e => $"bed {e.Bed} {Clock(e.SimTimeH)} {(e.Met is null ? "open" : e.Met.Value ? "met" : "missed")}: {e.What}")]))];

    /// <summary>Ward hours as the ward's clock shows them: day of admission and time of day.</summary>
    private string Clock(double wardH)
    {
        int minutes = (int)Math.Round((_startClockH + wardH) * 60);
        return $"day {(minutes / 1440) + 1} {minutes % 1440 / 60:00}:{minutes % 60:00}";
    }

    private IWardGrain Ward(string trainee) => GrainFactory.GetGrain<IWardGrain>(WardId(trainee));

    private string WardId(string trainee) => $"{Id}.{trainee}";

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex TraineeName();
}
