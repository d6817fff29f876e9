using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

public sealed class AdmissionTests
{
    // Early discharge and background side effects are random; these tests follow the rules over a whole week.
    private static Admission Erasmus(VirtualPatient patient) =>
        new(new ProtocolPlan(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet), patient, recordEvents: true);

    [Fact]
    public void A_patient_who_never_notices_relief_is_titrated_through_every_step_to_the_ward_maximum()
    {
        var admission = Erasmus(TestData.Patient(responder: false) with { BaselineNrs = 10 });
        var outcome = admission.RunToEnd();
        var titrations = admission.Log.OfType<TitrationEvent>().Select(e => e.Detail).ToArray();
        Assert.Equal(14, titrations.Length);
        Assert.StartsWith("raise 3 -> 5 mg/h", titrations[0], StringComparison.Ordinal);
        Assert.Contains(titrations, t => t.StartsWith("raise 13 -> 14 mg/h", StringComparison.Ordinal));
        Assert.Contains(titrations, t => t.StartsWith("hold 14 -> 14 mg/h: at the protocol's maximum", StringComparison.Ordinal));
        Assert.Equal(14, outcome.MaxRateMgPerH);
        Assert.Null(outcome.EffectiveRateMgPerH);
        Assert.True(outcome.TotalMg > 14 * 100, $"delivered {outcome.TotalMg} mg");
    }

    [Fact]
    public void A_responder_freezes_at_the_rate_where_relief_is_noticed_and_reaches_T1()
    {
        var outcome = Erasmus(TestData.Patient(responder: true, c50: 1)).RunToEnd();
        Assert.NotNull(outcome.EffectiveRateMgPerH);
        Assert.NotNull(outcome.OnsetDay);
        Assert.Equal(outcome.EffectiveRateMgPerH, outcome.MaxRateMgPerH);
        Assert.True(outcome.NrsT1 <= outcome.NrsT0 - 2, $"T1 {outcome.NrsT1} from T0 {outcome.NrsT0}");
        Assert.Equal(7.0, outcome.BedDays, 9);
        Assert.Equal(7, outcome.DailyNrs[0].Length); // one row per assessment measure: Erasmus asks current pain
        Assert.True(outcome.PlateauSKetamineNgPerMl > 0);
        Assert.Null(outcome.PlateauRKetamineNgPerMl);
    }

    [Fact]
    public void Severe_side_effects_lower_the_rate_with_the_reason_logged()
    {
        var admission = Erasmus(TestData.Patient(responder: false, thresholds: [10, 1e6, 1e6, 1e6, 1e6, 1e6]) with { BaselineNrs = 10 });
        var outcome = admission.RunToEnd();
        Assert.Contains(admission.Log, e => e.Detail.Contains("lowered by 2: severe dizziness", StringComparison.Ordinal));
        Assert.Equal(SideEffectGrade.Severe, outcome.WorstSideEffects[(int)SideEffectKind.Dizziness]);
    }

    [Fact]
    public void The_placebo_arm_delivers_no_drug_but_is_titrated_blind()
    {
        var protocol = TestData.Catalog.LoadProtocol("dahan-100h-placebo");
        var outcome = new Admission(new ProtocolPlan(protocol, TestData.Parameters), TestData.Patient(responder: false) with { BaselineNrs = 10 }).RunToEnd();
        Assert.Equal(0, outcome.TotalMg);
        Assert.Equal(30, outcome.EndRateProtocolUnits, 9);
        Assert.Null(outcome.PlateauSKetamineNgPerMl);
    }

    [Fact]
    public void The_grain_facing_step_API_reaches_the_same_outcome_as_running_to_the_end()
    {
        var (plan, sampler) = PlanAndSampler("goldberg-5d-inpatient");
        var a = new Admission(plan, sampler.Sample(3, 11));
        var b = new Admission(plan, sampler.Sample(3, 11));
        double last = 0;
        while (!b.Finished)
        {
            Assert.True(b.NextEventTimeH >= last);
            last = b.NextEventTimeH!.Value;
            b.ProcessNext();
        }

        Assert.Equivalent(a.RunToEnd(), b.Outcome(), strict: true);
    }

    [Fact]
    public void A_host_that_looks_every_minute_leaves_the_walk_bit_identical_to_the_plain_loop()
    {
        var (plan, sampler) = PlanAndSampler("erasmus-7d");
        var loop = new Admission(plan, sampler.Sample(8, 2));
        var stepped = new Admission(plan, sampler.Sample(8, 2));
        for (double t = 0; !stepped.Finished; t += 1.0 / 60)
        {
            stepped.AdvanceTo(t);
            _ = stepped.ConcentrationsNow;
            _ = stepped.ExpectedVitals();
        }

        Assert.Equivalent(loop.RunToEnd(), stepped.Outcome(), strict: true);
    }

    [Fact]
    public void Inputs_replayed_at_their_times_rebuild_the_same_walk_however_often_the_host_looked_in_between_and_a_walk_without_a_log_is_the_same_walk()
    {
        var (plan, sampler) = PlanAndSampler("erasmus-7d");
        var inputs = new (double TimeH, PumpAction? Key, double? MidazolamMg)[]
        {
            (5.25, new PumpAction(PumpActionKind.SetRate, 9, ConfirmSoftLimit: true), null),
            (5.5, new PumpAction(PumpActionKind.Pause), null),
            (6.75, new PumpAction(PumpActionKind.Resume), null),
            (7, null, 2),
            (30.1, new PumpAction(PumpActionKind.SetRate, 20), null),
            (31, new PumpAction(PumpActionKind.Stop), null),
            (31.5, new PumpAction(PumpActionKind.Start), null),
        };
        // Live as on a ward: no log kept (memory stays flat), an observer told of each event.
        var observed = new List<AdmissionEvent>();
        var live = new Admission(plan, sampler.Sample(8, 3), recordEvents: false, wardNurseHangsBags: false, observer: observed.Add);
        var replayed = new Admission(plan, sampler.Sample(8, 3), recordEvents: true, wardNurseHangsBags: false);
        // Live: the host looks every minute and applies each input at the minute it arrives; the journal keeps that time.
        var journal = new List<double>();
        int next = 0;
        for (double t = 0; t < 60; t += 1.0 / 60)
        {
            live.AdvanceTo(t);
            while (next < inputs.Length && inputs[next].TimeH <= t)
            {
                journal.Add(live.ClockH);
                Apply(live, inputs[next++]);
            }
        }

        // Replay: straight from one journalled time to the next.
        for (int i = 0; i < inputs.Length; i++)
        {
            replayed.AdvanceTo(journal[i]);
            Apply(replayed, inputs[i]);
        }

        live.AdvanceTo(120);
        replayed.AdvanceTo(120);
        Assert.Empty(live.Log);
        Assert.Equal(observed.Select(e => $"{e.TimeH} {e.Kind}: {e.Detail}"), replayed.Log.Select(e => $"{e.TimeH} {e.Kind}: {e.Detail}"));
        Assert.Equal(live.Pump.DeliveredMg, replayed.Pump.DeliveredMg);
        Assert.Equal(live.ConcentrationsNow, replayed.ConcentrationsNow);
        Assert.Contains(observed, e => e is PumpHandEvent { Outcome: PumpOutcome.Refused, Action.Kind: PumpActionKind.SetRate });

        // The dose by hand counts without a log too (it once went only into the log's argument, skipped without one).
        Assert.Equal(journal[3], live.TruthCurve().LastMidazolamH, 9);
        Assert.Equal(replayed.TruthCurve().LastMidazolamH, live.TruthCurve().LastMidazolamH);
    }

    [Fact]
    public void A_pump_stopped_by_hand_is_restarted_at_the_next_review_and_the_log_says_so()
    {
        var (plan, sampler) = PlanAndSampler("erasmus-7d");
        var walk = new Admission(plan, sampler.Sample(8, 4), recordEvents: true);
        walk.AdvanceTo(1);
        Assert.True(walk.Operate(new PumpAction(PumpActionKind.Stop)).Accepted);
        Assert.Equal(0, walk.DeliveredRateMgPerH);
        walk.AdvanceTo(3);
        var restart = Assert.Single(walk.Log.OfType<PumpAlertEvent>(), e => e.What.Contains("restarted at the review", StringComparison.Ordinal));
        Assert.Equal(2, restart.TimeH, 9);
        Assert.Equal(PumpState.Running, walk.Pump.State);
        Assert.True(walk.DeliveredRateMgPerH > 0);
    }

    private static (ProtocolPlan Plan, PatientSampler Sampler) PlanAndSampler(string protocolId)
    {
        var protocol = TestData.Catalog.LoadProtocol(protocolId);
        return (new ProtocolPlan(protocol, TestData.Parameters), new PatientSampler(TestData.Catalog.LoadCohort(protocol.Cohort), TestData.Parameters, Arm.Active));
    }

    private static void Apply(Admission walk, (double TimeH, PumpAction? Key, double? MidazolamMg) input)
    {
        if (input.Key is { } key)
        {
            walk.Operate(key);
        }
        else
        {
            walk.GiveMidazolam(input.MidazolamMg!.Value);
        }
    }
}
