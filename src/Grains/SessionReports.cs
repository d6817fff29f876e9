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
            views.Add(new TraineeView(trainee, WardId(trainee), status.SimTimeH, status.Running, status.TimeScale, card.Score, card.CriticalError, latest, Lines(card)));
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
            [.. record.Where(e => e.Trainee == trainee)], courses, alarms);
    }

    public async Task<ScoreCard> ScoreAsync(string trainee, WardStatus status) =>
        TrainingScorer.Score(scenario, TrainingRecords.Entries(record.Where(e => e.Trainee == trainee), await Courses(trainee, status)), status.SimTimeH, scenario.Ward.StartAtH);

    /// <summary>Every admission the ward has made (numbers below its count), replayed.</summary>
    private async Task<PatientCourse[]> Courses(string trainee, WardStatus status) =>
        await Task.WhenAll(Enumerable.Range(0, status.Admitted).Select(n => grains.GetGrain<IPatientGrain>(new AdmissionKey(WardId(trainee), n).ToString()).GetCourseAsync(status.SimTimeH)));

    private RubricLineView[] Lines(ScoreCard card) =>
        [.. card.Lines.Select(l => new RubricLineView(l.Id, l.Text, l.Weight, l.Met, l.Missed, l.Pending, l.Penalty, l.Critical,
            [.. l.Evidence.Select(e => $"bed {e.Bed} {Clock(e.SimTimeH)} {(e.Met is null ? "open" : e.Met.Value ? "met" : "missed")}: {e.What}")]))];

    /// <summary>Ward hours as the ward's clock shows them: day of admission and time of day.</summary>
    private string Clock(double wardH)
    {
        int minutes = (int)Math.Round((startClockH + wardH) * 60);
        return $"day {(minutes / 1440) + 1} {minutes % 1440 / 60:00}:{minutes % 60:00}";
    }

    private IWardGrain Ward(string trainee) => grains.GetGrain<IWardGrain>(WardId(trainee));

    private string WardId(string trainee) => new TraineeWardKey(sessionId, trainee).ToString();
}
