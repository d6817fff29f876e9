using WardTwin.Model.Data;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>
/// A training session's views for the instructor, scores and debriefs, from its record and the trainees' courses
/// replayed by their patient grains, worded with the ward's clock (day of admission and time of day).
/// </summary>
internal sealed class SessionReports(IGrainFactory grains, Scenario scenario, string sessionId, IReadOnlyList<RecordedEntry> record, double startClockH)
{
    public async Task<TrainingView> ViewAsync(IEnumerable<string> trainees)
    {
        var views = new List<TraineeView>();
        foreach (var trainee in trainees)
        {
            var status = await Ward(trainee).GetStatusAsync();
            var card = await ScoreAsync(trainee, status);
            var latest = record.Where(e => e.Trainee == trainee).TakeLast(30).ToArray();
            bool started = record.Any(e => e.Trainee == trainee && e.Kind == RecordedKind.ClockChanged && e.Running == true)
                || !record.Any(e => e.Trainee == trainee && e.Kind == RecordedKind.ClockChanged);
            views.Add(new TraineeView(trainee, WardId(trainee), status.SimTimeH, status.Running, status.TimeScale, card.Score, card.CriticalError, latest, Lines(card),
                End(trainee, card), started));
        }

        return new TrainingView(sessionId, scenario.Id, scenario.Title, views, [.. scenario.EventsOrEmpty.Select(e => e.Id)], scenario.Ward.StartAtH);
    }

    public async Task<TrainingDebrief> DebriefAsync(string trainee)
    {
        var status = await Ward(trainee).GetStatusAsync();
        var courses = await Courses(trainee, status);
        var card = TrainingScorer.Score(scenario, TrainingRecords.Entries(record.Where(e => e.Trainee == trainee), courses), status.SimTimeH, scenario.Ward.StartAtH);
        var alarms = new List<AlarmView>();
        foreach (var b in status.BedList.Where(b => b.AdmissionId is not null))
        {
            alarms.AddRange(await grains.GetGrain<IBedsideMonitorGrain>(b.AdmissionId!).GetAlarmsAsync());
        }

        return new TrainingDebrief(sessionId, scenario.Id, scenario.Title, trainee, status.SimTimeH, card.Score, card.CriticalError, card.EndedBy, Lines(card),
            [.. record.Where(e => e.Trainee == trainee)], courses, alarms, End(trainee, card));
    }

    public async Task<ScoreCard> ScoreAsync(string trainee, WardStatus status) =>
        TrainingScorer.Score(scenario, TrainingRecords.Entries(record.Where(e => e.Trainee == trainee), await Courses(trainee, status)), status.SimTimeH, scenario.Ward.StartAtH);

    /// <summary>One bed as the trainee's page logs it: the course's events (a replay) and what the session recorded on the bed (the instructor's notes left out).</summary>
    public async Task<BedLog> BedLogAsync(string trainee, int bed)
    {
        var status = await Ward(trainee).GetStatusAsync();
        if (bed < 1 || bed > status.BedList.Count)
        {
            throw new ArgumentException($"bed: {bed} does not exist on a ward of {status.BedList.Count}");
        }

        if (status.BedList[bed - 1].AdmissionId is not { } id)
        {
            return new BedLog(bed, null, [], []);
        }

        var events = await grains.GetGrain<IPatientGrain>(id).GetEventsAsync();
        // A finding marks what the patient's own course did for the rubric and the instructor; told on the page it would be a prompt.
        var entries = record.Where(e => e.Trainee == trainee && e.Bed == bed && e.Kind is RecordedKind.TraineeAction or RecordedKind.AlarmRaised or RecordedKind.EventFired
            && e.EventKind != DataJson.EnumName(ScenarioEventKind.Finding)).ToArray();
        return new BedLog(bed, id, events, entries);
    }

    /// <summary>Why a trainee's scenario ended, in words, and what the instructor can do about it (null while it runs).</summary>
    private TraineeEnd? End(string trainee, ScoreCard card) => card.EndedWith is { } e
        ? new TraineeEnd(e.SimTimeH, card.EndedBy!, $"bed {e.Bed} {Clock(e.SimTimeH)}: {e.What} (critical error: {card.Lines.Single(l => l.Id == card.EndedBy).Text})",
            $"The ward is stopped for {trainee} and further actions are refused. The instructor can go through the debrief with {trainee} "
            + $"(/debrief.html?session={sessionId}&trainee={trainee}) and start the scenario again for them as a new session from the instructor console.")
        : null;

    /// <summary>Every admission the ward has made (numbers below its count), replayed, with the bedside at each moment of the trainee's record.</summary>
    private async Task<PatientCourse[]> Courses(string trainee, WardStatus status)
    {
        double[] moments = [.. record.Where(e => e.Trainee == trainee && e.Kind is RecordedKind.TraineeAction or RecordedKind.AlarmRaised or RecordedKind.EventFired)
            .Select(e => e.SimTimeH).Distinct()];
        return await Task.WhenAll(Enumerable.Range(0, status.Admitted)
            .Select(n => grains.GetGrain<IPatientGrain>(new AdmissionKey(WardId(trainee), n).ToString()).GetCourseAsync(status.SimTimeH, moments)));
    }

    private RubricLineView[] Lines(ScoreCard card) =>
        [.. card.Lines.Select(l => new RubricLineView(l.Id, l.Text, l.Weight, l.Met, l.Missed, l.Pending, l.Penalty, l.Critical,
            [.. l.Evidence.Select(e => new EvidenceView(e.Bed, Clock(e.SimTimeH), e.Met is null ? "open" : e.Met.Value ? "met" : "missed", e.What, e.Saw, e.Penalty))], l.Answers))];

    /// <summary>Ward hours as the ward's clock shows them: day of admission and time of day.</summary>
    private string Clock(double wardH)
    {
        int minutes = (int)Math.Round((startClockH + wardH) * 60);
        return $"day {(minutes / 1440) + 1} {minutes % 1440 / 60:00}:{minutes % 60:00}";
    }

    private IWardGrain Ward(string trainee) => grains.GetGrain<IWardGrain>(WardId(trainee));

    private string WardId(string trainee) => new TraineeWardKey(sessionId, trainee).ToString();
}
