using Microsoft.Extensions.Logging;
using WardTwin.Model.Data;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>
/// A training session's scenario events and alarm record for one look at a trainee's ward: which events are due (on
/// time, or on a bed's state), firing them on the bed's grains, and the alarms not yet in the record. One look's
/// worth: made with the record as it stands, for the session grain to append what it returns.
/// </summary>
internal sealed class SessionEvents(IGrainFactory grains, Scenario scenario, string sessionId, IReadOnlyList<RecordedEntry> record, TimeProvider time, ILogger logger)
{
    /// <summary>The events due for a trainee now: on time by the ward's clock, on a condition of a bed's state, or on what the trainee did or did not do after another event.</summary>
    public async Task<List<RecordedEntry>> DueEvents(string trainee, WardStatus status, Func<string, Task<PatientStateNow?>> stateOf)
    {
        var entries = new List<RecordedEntry>();
        double sessionH = status.SimTimeH - scenario.Ward.StartAtH;
        foreach (var e in scenario.EventsOrEmpty.Where(e => !Fired(trainee, e.Id)))
        {
            try
            {
                if (e.OnTrainee is { } trigger)
                {
                    if (Answered(trainee, e, trigger, status.SimTimeH))
                    {
                        entries.Add(await Fire(trainee, e, EventCause.Trainee, status));
                    }
                }
                else if (e.AtH is { } at ? at <= sessionH : await Holds(e, status, stateOf))
                {
                    entries.Add(await Fire(trainee, e, e.AtH is null ? EventCause.Condition : EventCause.Timeline, status));
                }
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                Log.TrainingBedFailed(logger, sessionId, trainee, e.Bed, Errors.OneLine(ex));
            }
        }

        return entries;
    }

    public async Task<RecordedEntry> Fire(string trainee, ScenarioEvent e, EventCause cause, WardStatus status)
    {
        if (e.Kind == ScenarioEventKind.Finding)
        {
            // Only marked: the patient's own course made it.
        }
        else if (e.ToInjection() is { } injection)
        {
            await grains.GetGrain<IPatientGrain>(Occupant(status, e.Bed)).InjectAsync(injection.ToInput());
        }
        else
        {
            await Ward(trainee).AdmitAsync(e.Bed - 1);
        }

        Log.EventFired(logger, sessionId, trainee, e.Id, DataJson.EnumName(cause), e.Bed, status.SimTimeH);
        return new RecordedEntry(RecordedKind.EventFired, trainee, e.Bed, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"event {e.Id} ({DataJson.EnumName(cause)}): {e.Note ?? e.ToInjection()?.Describe() ?? "a new admission"}",
            EventId: e.Id, EventKind: DataJson.EnumName(e.Kind), Cause: DataJson.EnumName(cause));
    }

    public async Task<RecordedEntry> FireCustom(string trainee, InjectionInput custom, int bed, WardStatus status)
    {
        await grains.GetGrain<IPatientGrain>(Occupant(status, bed)).InjectAsync(custom);
        string id = $"instructor-{custom.Kind}";
        Log.EventFired(logger, sessionId, trainee, id, "instructor", bed, status.SimTimeH);
        return new RecordedEntry(RecordedKind.EventFired, trainee, bed, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"event {id} (instructor): {custom.ToModel().Describe()}", EventId: id, EventKind: custom.Kind, Cause: "instructor");
    }

    /// <summary>Whether the trainee's answer (or its absence) after the event the trigger names has made this event due.</summary>
    private bool Answered(string trainee, ScenarioEvent e, TraineeTrigger trigger, double nowH)
    {
        double? after = record.FirstOrDefault(r => r.Kind == RecordedKind.EventFired && r.Trainee == trainee && r.EventId == trigger.AfterEvent)?.SimTimeH;
        var actions = TrainingRecords.Actions(record.Where(r => r.Trainee == trainee && r.Bed == e.Bed)).OrderBy(a => a.SimTimeH);
        return trigger.DueH(after, actions, nowH) is not null;
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

    /// <summary>What a ward's push makes due (events on time, on the pushed bedsides' state, on the trainee's answers) and the alarms it raised.</summary>
    public async Task<List<RecordedEntry>> FromPushAsync(string trainee, WardStatus status, PushedWard pushed, IEnumerable<AlarmBoardChange> alarms)
    {
        var entries = new List<RecordedEntry>();
        try
        {
            entries.AddRange(await DueEvents(trainee, status, id => Task.FromResult(pushed.StateOf(id))));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or KeyNotFoundException)
        {
            Log.TrainingBedFailed(logger, sessionId, trainee, 0, Errors.OneLine(ex));
        }

        foreach (var change in alarms)
        {
            if (status.BedList.FirstOrDefault(b => b.AdmissionId is { } a && AdmissionKey.Parse(a).Number == change.Patient) is { } bed)
            {
                entries.AddRange(Raised(trainee, bed.Bed + 1, change.Board, status.SimTimeH));
            }
        }

        return entries;
    }

    /// <summary>Alarms on the beds' monitors not yet in the record, asked of the monitors (an explicit check).</summary>
    public async Task<List<RecordedEntry>> NewAlarms(string trainee, WardStatus status)
    {
        var found = new List<RecordedEntry>();
        foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
        {
            try
            {
                found.AddRange(Raised(trainee, b.Bed + 1, await grains.GetGrain<IBedsideMonitorGrain>(b.AdmissionId!).GetAlarmsAsync(), status.SimTimeH));
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or KeyNotFoundException)
            {
                Log.TrainingBedFailed(logger, sessionId, trainee, b.Bed + 1, Errors.OneLine(ex));
            }
        }

        return found;
    }

    /// <summary>
    /// The alarms of a board not yet recorded (each raise once, by its kind and the monitor's time, kept in Value). The
    /// monitor samples on the ward's running clock, up to a tick ahead of the ward's time that trainees' actions carry: an
    /// alarm is recorded no later than the ward's time when the session learnt of it (<paramref name="wardNowH"/>), so an
    /// acknowledgement a second after it appeared is never recorded before it.
    /// </summary>
    public IEnumerable<RecordedEntry> Raised(string trainee, int bed, IEnumerable<AlarmView> board, double wardNowH)
    {
        foreach (var a in board)
        {
            bool seen = record.Any(e => e.Kind == RecordedKind.AlarmRaised && e.Trainee == trainee && e.Bed == bed && e.Target == a.Kind && (e.Value ?? e.SimTimeH) == a.RaisedAtH);
            if (!seen)
            {
                yield return new RecordedEntry(RecordedKind.AlarmRaised, trainee, bed, Math.Min(a.RaisedAtH, wardNowH), time.GetUtcNow().ToUnixTimeMilliseconds(),
                    $"alarm {AlarmWords.Of(a.Kind)} ({a.Priority})", Value: a.RaisedAtH, Target: a.Kind, Priority: a.Priority);
            }
        }
    }

    private bool Fired(string trainee, string eventId) =>
        record.Any(e => e.Kind == RecordedKind.EventFired && e.Trainee == trainee && e.EventId == eventId && e.Cause != "instructor");

    public static string Occupant(WardStatus status, int bed) =>
        bed < 1 || bed > status.BedList.Count ? throw new ArgumentException($"bed: {bed} does not exist on a ward of {status.BedList.Count}")
        : status.BedList[bed - 1].AdmissionId ?? throw new InvalidOperationException($"bed {bed} is empty");

    /// <summary>The scenario event an instructor names, or null for an event of their own (checked here, before any ward sees it).</summary>
    public static ScenarioEvent? Resolve(Scenario scenario, string? eventId, InjectionInput? custom, int? bed)
    {
        if (eventId is not null)
        {
            return scenario.EventsOrEmpty.FirstOrDefault(e => e.Id == eventId)
                ?? throw new ArgumentException($"event: '{eventId}' is not one of this scenario's events ({string.Join(", ", scenario.EventsOrEmpty.Select(e => e.Id))})");
        }

        if (custom is null || bed is null)
        {
            throw new ArgumentException("give a scenario event's id, or an event of your own with its bed");
        }

        custom.ToModel();
        return null;
    }

    /// <summary>The earliest titration review due on any bed of the ward (null: none left).</summary>
    public async Task<double?> NextReviewAsync(WardStatus status)
    {
        double? next = null;
        foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
        {
            var now = await grains.GetGrain<IPatientGrain>(b.AdmissionId!).GetStateNowAsync();
            if (now.NextReviewWardH is { } r && (next is null || r < next))
            {
                next = r;
            }
        }

        return next;
    }

    private IWardGrain Ward(string trainee) => grains.GetGrain<IWardGrain>(new TraineeWardKey(sessionId, trainee).ToString());
}
