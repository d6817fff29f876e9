namespace WardTwin.Grains.Tests;

/// <summary>The instructor in charge of the clock, and a night scenario that branches on what each trainee does, on fake time.</summary>
[Collection(WardClusterGroup.Name)]
public sealed class TrainingControlTests(TwoSiloCluster fixture)
{
    private async Task Minutes(ITrainingSessionGrain session, IEnumerable<string> wards, double minutes)
    {
        fixture.Time.Advance(TimeSpan.FromMinutes(minutes));
        foreach (var w in wards)
        {
            await fixture.Client.GetGrain<IWardGrain>(w).TickAsync();
        }

        await session.TickAsync();
    }

    [Fact]
    public async Task A_session_started_paused_holds_every_clock_until_the_instructor_resumes_it()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-paused");
        var view = await session.StartAsync("erasmus-day1-hallucinations", ["ann", "ben"], startPaused: true);
        string[] wards = ["tr-paused.ann", "tr-paused.ben"];
        Assert.All(view.Trainees, t => Assert.Equal((false, false, 1.75), (t.Running, t.ClockStarted, t.SimTimeH)));

        // Half an hour of the instructor setting up: nothing moves, nothing fires, nothing is scored.
        await Minutes(session, wards, 30);
        view = await session.GetViewAsync();
        Assert.All(view.Trainees, t => Assert.Equal(1.75, t.SimTimeH, 9));
        Assert.All(view.Trainees, t => Assert.DoesNotContain(t.Latest, e => e.Kind is RecordedKind.AlarmRaised or RecordedKind.EventFired));
        var bed = (await fixture.Client.GetGrain<IWardGrain>(wards[0]).GetStatusAsync()).BedList[0].AdmissionId!;
        Assert.Equal(1.75, (await fixture.Client.GetGrain<IPatientGrain>(bed).GetStateNowAsync()).WardTimeH, 9);

        await session.ResumeAsync();
        await Minutes(session, wards, 10);
        view = await session.GetViewAsync();
        Assert.All(view.Trainees, t => Assert.Equal((true, true), (t.Running, t.ClockStarted)));
        Assert.All(view.Trainees, t => Assert.Equal(1.75 + (10 / 60.0), t.SimTimeH, 6));
        Assert.All(view.Trainees, t => Assert.Equal([false, true], t.Latest.Where(e => e.Kind == RecordedKind.ClockChanged).Select(e => e.Running!.Value)));
    }

    [Fact]
    public async Task At_night_the_protocol_gives_no_midazolam_behind_the_trainee_and_the_scenario_branches_on_the_answer()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-night");
        await session.StartAsync("goldberg-5d-night-desaturation", ["ann", "ben"]);
        string[] wards = ["tr-night.ann", "tr-night.ben"];
        await Minutes(session, wards, 2); // restless at 1.2 min

        // Ann's dose is hers to give: the ward gave none at the take-over, so it is not refused as "too soon".
        var dose = await session.ActAsync("ann", 1, new TraineeCommand("midazolam", 2));
        Assert.Equal("accepted", dose.Outcome);
        await Minutes(session, wards, 2);
        Assert.DoesNotContain((await session.GetDebriefAsync("ann")).Record, e => e.EventId == "desaturation"); // 3 minutes after the dose
        await Minutes(session, wards, 2);
        var ann = await session.GetDebriefAsync("ann");
        Assert.Equal("trainee", ann.Record.Single(e => e.EventId == "desaturation").Cause);

        // Ben gave nothing: ten minutes on, his patient kinks the line instead, and no desaturation comes.
        await Minutes(session, wards, 7);
        var ben = await session.GetDebriefAsync("ben");
        Assert.Contains(ben.Record, e => e.EventId == "pulls-line" && e.Cause == "trainee");
        Assert.DoesNotContain(ben.Record, e => e.EventId == "desaturation");
        Assert.DoesNotContain((await session.GetDebriefAsync("ann")).Record, e => e.EventId == "pulls-line");

        // Ann's bed log: her dose by her hand, none by the ward since the take-over (16 h); the event that followed.
        var log = await session.GetBedLogAsync("ann", 1);
        var midazolam = log.Events.Where(e => e.Kind == CourseEventKind.CoMedication && e.WardTimeH >= 16).ToArray();
        Assert.Equal(CourseActor.Trainee, Assert.Single(midazolam).By);
        Assert.Contains(log.Events, e => e.Kind == CourseEventKind.Injected && e.By == CourseActor.Scenario && e.Detail.StartsWith("vital signs change", StringComparison.Ordinal));
        Assert.Contains(log.Record, e => e.Kind == RecordedKind.TraineeAction && e.Action == "midazolam");

        // The instructor's bookmark goes on the record (not on the trainee's page log).
        await session.AnnotateAsync("ann", 1, "dose given before checking the saturation");
        Assert.Contains((await session.GetDebriefAsync("ann")).Record, e => e.Kind == RecordedKind.Annotation && e.What == "instructor: dose given before checking the saturation");
        Assert.DoesNotContain((await session.GetBedLogAsync("ann", 1)).Record, e => e.Kind == RecordedKind.Annotation);
        await Assert.ThrowsAsync<ArgumentException>(() => session.AnnotateAsync("ann", 1, "  "));
    }
}
