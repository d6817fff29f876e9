using WardTwin.Model.Data;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains.Tests;

/// <summary>A training session on the in-process cluster, on fake time: wards from a scenario, events, the record, scoring, the protocol's course.</summary>
[Collection(WardClusterGroup.Name)]
public sealed class TrainingSessionTests(TwoSiloCluster fixture)
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
    public async Task Each_trainee_gets_a_ward_from_the_scenario_events_fire_on_time_and_answers_are_scored_from_the_record()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-outpatient");
        var view = await session.StartAsync("goldberg-outpatient-hypertension-occlusion", ["ann", "ben"]);
        string[] wards = ["tr-outpatient.ann", "tr-outpatient.ben"];
        Assert.Equal(wards, view.Trainees.Select(t => t.WardId));
        Assert.All(view.Trainees, t => Assert.Equal(0.5, t.SimTimeH, 6));

        await Minutes(session, wards, 4); // the hypertensive response is due 3 minutes in
        view = await session.GetViewAsync();
        Assert.All(view.Trainees, t => Assert.Contains(t.Latest, e => e.Kind == RecordedKind.EventFired && e.EventId == "hypertension" && e.Cause == "timeline"));
        var bed = await fixture.Client.GetGrain<IWardGrain>(wards[0]).GetStatusAsync();
        var state = await fixture.Client.GetGrain<IPatientGrain>(bed.BedList[0].AdmissionId!).GetStateNowAsync();
        Assert.True(state.SbpMmHg > 170, $"SBP {state.SbpMmHg}");

        // Ann lowers the rate at once; Ben does nothing.
        var reply = await session.ActAsync("ann", 1, new TraineeCommand("set-rate", state.RateMgPerH / 2));
        Assert.Equal("accepted", reply.Outcome);
        await Minutes(session, wards, 12);

        var ann = await session.GetDebriefAsync("ann");
        var ben = await session.GetDebriefAsync("ben");
        var annLine = ann.Lines.Single(l => l.Id == "lower-on-hypertension");
        var benLine = ben.Lines.Single(l => l.Id == "lower-on-hypertension");
        Assert.Equal((1, 0), (annLine.Met, annLine.Missed));
        Assert.Equal((0, 1), (benLine.Met, benLine.Missed));
        Assert.Contains("ann: set-rate", annLine.Evidence[0].What, StringComparison.Ordinal);
        Assert.Contains("(lower the rate)", annLine.Evidence[0].What, StringComparison.Ordinal);
        Assert.Contains("SBP", annLine.Evidence[0].Saw, StringComparison.Ordinal);
        Assert.True(ann.Score > ben.Score, $"ann {ann.Score}, ben {ben.Score}");
        Assert.Contains(ann.Record, e => e.Kind == RecordedKind.TraineeAction && e.Trainee == "ann" && e.Action == "set-rate" && e.Accepted && e.WallUnixMs > 0);

        // The occlusion 21 minutes in stops both pumps until someone resumes them.
        await Minutes(session, wards, 6);
        var pump = await fixture.Client.GetGrain<IInfusionPumpGrain>(bed.BedList[0].AdmissionId!).GetViewAsync();
        Assert.Equal("occluded", pump.State);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("resume"))).Outcome);
        var open = (await session.GetDebriefAsync("ann")).Lines.Single(l => l.Id == "clear-occlusion");
        Assert.Equal((0, 1), (open.Met, open.Pending)); // scored when its 5-minute window closes
        await Minutes(session, wards, 6);
        Assert.Equal(1, (await session.GetDebriefAsync("ann")).Lines.Single(l => l.Id == "clear-occlusion").Met);
    }

    [Fact]
    public async Task Injected_events_and_actions_survive_the_collection_of_every_idle_activation()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-durable");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        string[] ward = ["tr-durable.ann"];
        await session.InjectAsync("ann", "hallucinations", null, null);
        await session.InjectAsync("ann", null, new InjectionInput("vitals-change", DurationH: 1, HrChangePerMin: 30), 2);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("set-rate", 2))).Outcome);
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("midazolam", 2))).Outcome);
        await Minutes(session, ward, 20);
        var before = await session.GetDebriefAsync("ann");

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await session.GetDebriefAsync("ann");

        // The patients came back from their journals: the same course, the same events, the same score.
        Assert.Equal(before.Score, after.Score);
        Assert.Equal(before.Record.Select(e => e.What), after.Record.Select(e => e.What));
        for (int b = 0; b < before.Beds.Count; b++)
        {
            Assert.Equal(before.Beds[b].Events.Select(e => e.Detail), after.Beds[b].Events.Select(e => e.Detail));
            Assert.Equal(before.Beds[b].ProtocolEvents.Select(e => e.Detail), after.Beds[b].ProtocolEvents.Select(e => e.Detail));
            Assert.Equal(before.Beds[b].Chart[^1], after.Beds[b].Chart[^1]);
        }

        Assert.Contains(after.Beds[0].Events, e => e.Kind == CourseEventKind.Injected && e.Detail.StartsWith("psychotomimetic severe", StringComparison.Ordinal));
        Assert.Contains(after.Beds[1].Events, e => e.Kind == CourseEventKind.Injected && e.Detail.StartsWith("vital signs change", StringComparison.Ordinal));
        Assert.Equal(1, after.Lines.Single(l => l.Id == "midazolam-hallucinations").Met);
    }

    [Fact]
    public async Task Garbage_from_a_trainee_is_refused_naming_what_is_wrong_and_nothing_is_recorded()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-garbage");
        await session.StartAsync("goldberg-outpatient-hypertension-occlusion", ["ann"]);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => session.ActAsync("ann", 1, new TraineeCommand("fly")));
        Assert.Contains("known: set-rate", unknown.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => session.ActAsync("ann", 1, new TraineeCommand("set-rate")));
        Assert.Contains("value", empty.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.ActAsync("zed", 1, new TraineeCommand("pause")));
        await Assert.ThrowsAsync<ArgumentException>(() => session.ActAsync("ann", 5, new TraineeCommand("pause")));
        await Assert.ThrowsAsync<ArgumentException>(() => session.InjectAsync(null, "no-such-event", null, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.StartAsync("goldberg-outpatient-hypertension-occlusion", ["ann"]));
        Assert.DoesNotContain((await session.GetDebriefAsync("ann")).Record, e => e.Kind == RecordedKind.TraineeAction);
    }

    [Fact]
    public async Task A_try_above_the_hard_limit_is_a_critical_error_that_ends_the_trainees_scenario()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-critical");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        var reply = await session.ActAsync("ann", 2, new TraineeCommand("set-rate", 30));
        Assert.Equal("refused", reply.Outcome);
        Assert.Contains("critical error", reply.Message, StringComparison.Ordinal);
        var debrief = await session.GetDebriefAsync("ann");
        Assert.True(debrief.CriticalError);
        Assert.Equal(0, debrief.Score);
        Assert.False((await fixture.Client.GetGrain<IWardGrain>("tr-critical.ann").GetStatusAsync()).Running);
        Assert.Equal("refused", (await session.ActAsync("ann", 2, new TraineeCommand("set-rate", 5))).Outcome);
    }

    [Fact]
    public async Task A_condition_event_fires_at_the_first_poll_where_the_model_state_meets_it()
    {
        // Erasmus bed 1: hallucinations when the fast effect site passes 24 ng/mL; ann raises the rate to get there.
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-condition");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        string[] ward = ["tr-condition.ann"];
        Assert.Equal("accepted", (await session.ActAsync("ann", 1, new TraineeCommand("set-rate", 11))).Outcome);
        string id = (await fixture.Client.GetGrain<IWardGrain>(ward[0]).GetStatusAsync()).BedList[0].AdmissionId!;
        var patient = fixture.Client.GetGrain<IPatientGrain>(id);

        double before = (await patient.GetStateNowAsync()).FastEffectNgPerMl;
        Assert.True(before < 24, $"{before}");
        for (int step = 0; step < 120; step++)
        {
            double fast = (await patient.GetStateNowAsync()).FastEffectNgPerMl;
            await session.TickAsync();
            bool fired = (await session.GetDebriefAsync("ann")).Record.Any(e => e.EventId == "hallucinations");
            Assert.Equal(fast > 24, fired); // fires at the first poll past the threshold, not before
            if (fired)
            {
                var now = await patient.GetStateNowAsync();
                Assert.Equal(3, now.SideEffectGrades["psychotomimetic"]);
                Assert.Equal("condition", (await session.GetDebriefAsync("ann")).Record.Single(e => e.EventId == "hallucinations").Cause);
                return;
            }

            await Minutes(session, ward, 2);
        }

        Assert.Fail("the fast effect site never passed 24 ng/mL in 4 hours at 11 mg/h");
    }

    [Fact]
    public async Task Two_users_on_one_pump_see_each_others_changes_and_a_stale_confirmation_is_refused()
    {
        var ward = fixture.Client.GetGrain<IWardGrain>("tr-two-users");
        await ward.StartAsync(new WardConfig(Beds: 1, ProtocolId: "erasmus-7d", TimeScale: 60, Seed: 3));
        string id = (await ward.GetStatusAsync()).BedList[0].AdmissionId!;
        var pump = fixture.Client.GetGrain<IInfusionPumpGrain>(id);

        var asks = await pump.SetRateAsync(13, confirmSoftLimit: false); // above the 12 mg/h soft limit: first user is asked
        Assert.Equal("needsconfirmation", asks.Outcome);
        var other = await pump.SetRateAsync(5, confirmSoftLimit: false);  // meanwhile a second user sets 5 mg/h
        Assert.True(other.Accepted);
        Assert.Equal(5, (await pump.GetViewAsync()).RateMgPerH);

        var stale = await pump.SetRateAsync(13, confirmSoftLimit: true, asks.Revision);
        Assert.Equal("refused", stale.Outcome);
        Assert.Contains("changed since you looked (now running at 5 mg/h)", stale.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await pump.GetViewAsync()).RateMgPerH);

        var fresh = await pump.SetRateAsync(13, confirmSoftLimit: true, (await pump.GetViewAsync()).Revision);
        Assert.True(fresh.Accepted, fresh.Message);
        Assert.Equal(13, (await pump.GetViewAsync()).RateMgPerH);
    }

    [Fact]
    public async Task Midazolam_by_hand_keeps_the_parameter_files_interval_and_24_hour_limit()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-midazolam");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        string[] ward = ["tr-midazolam.ann"];
        Assert.Equal("accepted", (await session.ActAsync("ann", 2, new TraineeCommand("midazolam", 4))).Outcome);
        var soon = await session.ActAsync("ann", 2, new TraineeCommand("midazolam", 2));
        Assert.Equal(("refused", true), (soon.Outcome, soon.Message.Contains("wait at least 30 min", StringComparison.Ordinal)));
        await Minutes(session, ward, 31);
        Assert.Equal("accepted", (await session.ActAsync("ann", 2, new TraineeCommand("midazolam", 4))).Outcome);
        await Minutes(session, ward, 31);
        var over = await session.ActAsync("ann", 2, new TraineeCommand("midazolam", 2));
        Assert.Equal("refused", over.Outcome);
        Assert.Contains("10 mg by hand in 24 h, above the limit of 8 mg", over.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await session.GetDebriefAsync("ann")).Record.Count(e => e.Action == "midazolam" && e.Accepted));
    }

    [Fact]
    public async Task The_debriefs_protocol_course_equals_the_reference_engine_for_the_same_seed()
    {
        var session = fixture.Client.GetGrain<ITrainingSessionGrain>("tr-reference");
        await session.StartAsync("erasmus-day1-hallucinations", ["ann"]);
        var ward = fixture.Client.GetGrain<IWardGrain>("tr-reference.ann");
        await ward.JumpToAsync(20.5); // past three reviews (11:00, 17:00, 11:00 next day is 26 h: two here) and into the night
        var debrief = await session.GetDebriefAsync("ann");
        var bed2 = debrief.Beds.Single(b => b.Bed == 1);

        var catalog = DataCatalog.Locate();
        var plan = new ProtocolPlan(catalog.LoadProtocol("erasmus-7d"), catalog.LoadParameters());
        var sampler = new PatientSampler(catalog.LoadCohort(plan.Protocol.Cohort), plan.Parameters, plan.Protocol.Arm);
        var reference = new Admission(plan, sampler.Sample(2026, 8), recordEvents: true);
        reference.AdvanceTo(20.5);

        var expected = reference.Log.OfType<TitrationEvent>().Select(e => (e.TimeH, e.Detail)).ToArray();
        var actual = bed2.ProtocolEvents.Where(e => e.Kind == CourseEventKind.Titration).Select(e => (e.WardTimeH, e.Detail)).ToArray();
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, actual);
        Assert.Equal(reference.ConcentrationsNow.SKetamineNgPerMl, bed2.ProtocolChart[^1].SKetamineNgPerMl, 3);

        // The trainee decided nothing: the trainee's course has the reviews due, at 3 mg/h throughout.
        Assert.Equal(2, bed2.Events.Count(e => e.Kind == CourseEventKind.ReviewDue));
        Assert.All(bed2.Chart, p => Assert.True(p.DeliveredRateMgPerH is 3 or 0, $"{p.DeliveredRateMgPerH}"));
    }
}
