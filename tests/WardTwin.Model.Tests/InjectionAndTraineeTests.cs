using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;
using WardTwin.Model.Titration;
using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>The walk with a trainee deciding the reviews, and with events put in from outside the protocol.</summary>
public sealed class InjectionAndTraineeTests
{
    private static ProtocolPlan Plan => new(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet);

    private static Admission Walk(bool trainee, bool nurse = true) =>
        new(Plan, TestData.Patient(responder: false) with { BaselineNrs = 10 }, recordEvents: true, wardNurseHangsBags: nurse, traineeTitrates: trainee);

    [Fact]
    public void A_review_the_trainee_decides_says_what_the_protocol_would_set_and_leaves_the_pump_alone()
    {
        var walk = Walk(trainee: true);
        walk.AdvanceTo(2.5); // the 11:00 review of a 09:00 start
        var due = Assert.Single(walk.Log.OfType<ReviewDueEvent>());
        Assert.Equal((2.0, TitrationAction.Raise, 3.0, 5.0), (due.TimeH, due.Action, due.FromMgPerH, due.ToMgPerH));
        Assert.Empty(walk.Log.OfType<TitrationEvent>());
        Assert.Equal(3, walk.Pump.RateMgPerH);

        walk.Operate(new PumpAction(PumpActionKind.SetRate, 5));
        walk.AdvanceTo(8.5); // 17:00: the next recommendation starts from the trainee's rate
        Assert.Equal(7, walk.Log.OfType<ReviewDueEvent>().Last().ToMgPerH);
        Assert.Equal(5, walk.Pump.RateMgPerH);
    }

    [Fact]
    public void Before_the_trainee_takes_over_the_protocol_titrates_and_the_ward_nurse_hangs_bags()
    {
        // A scenario that starts at 20 h: the 11:00 and 17:00 reviews of day 1 are the protocol's, the next one the trainee's.
        var walk = new Admission(Plan, TestData.Patient(responder: false) with { BaselineNrs = 10 }, recordEvents: true, wardNurseHangsBags: false,
            traineeTitrates: true, traineeFromH: 20);
        walk.AdvanceTo(20);
        Assert.Equal(2, walk.Log.OfType<TitrationEvent>().Count());
        Assert.Empty(walk.Log.OfType<ReviewDueEvent>());
        Assert.Equal(7, walk.Pump.RateMgPerH);
        walk.AdvanceTo(26.5);
        Assert.Single(walk.Log.OfType<ReviewDueEvent>());
        Assert.Equal(7, walk.Pump.RateMgPerH);
    }

    [Fact]
    public void A_side_effect_put_in_is_seen_at_once_and_for_its_duration_only()
    {
        var walk = Walk(trainee: false);
        walk.AdvanceTo(1.5);
        walk.Inject(new Injection(InjectionKind.SideEffect, SideEffectKind.Psychotomimetic, SideEffectGrade.Severe, DurationH: 1));
        Assert.Equal(SideEffectGrade.Severe, walk.CurrentSideEffects()["psychotomimetic"]);
        Assert.Contains(walk.Log.OfType<SideEffectChangeEvent>(), e => e.SideEffect == SideEffectKind.Psychotomimetic && e.Grade == SideEffectGrade.Severe && e.TimeH == 1.5);

        walk.AdvanceTo(3.2);
        Assert.Equal(SideEffectGrade.None, walk.CurrentSideEffects()["psychotomimetic"]);

        // The protocol's engine lowers at the 11:00 review because of it (its rule: lower on severe side effects).
        Assert.Equal(TitrationAction.Lower, walk.Log.OfType<TitrationEvent>().First().Action);
    }

    [Fact]
    public void An_empty_bag_stops_delivery_until_someone_hangs_one_unless_the_ward_nurse_does()
    {
        var trainee = Walk(trainee: true, nurse: false);
        trainee.AdvanceTo(1);
        trainee.Inject(new Injection(InjectionKind.BagEmpty));
        Assert.Equal(PumpState.Empty, trainee.Pump.State);
        Assert.Equal(0, trainee.DeliveredRateMgPerH);
        Assert.Contains(trainee.Log.OfType<PumpAlertEvent>(), e => e.Cause == PumpEventKind.Empty && !e.NewBagHung);

        trainee.Operate(new PumpAction(PumpActionKind.ReplaceBag));
        Assert.Equal(3, trainee.DeliveredRateMgPerH);

        var nursed = Walk(trainee: false, nurse: true);
        nursed.AdvanceTo(1);
        nursed.Inject(new Injection(InjectionKind.BagEmpty));
        Assert.Equal(PumpState.Running, nursed.Pump.State);
        Assert.Contains(nursed.Log.OfType<PumpAlertEvent>(), e => e.Cause == PumpEventKind.Empty && e.NewBagHung);
    }

    [Fact]
    public void An_occluded_line_stops_delivery_until_resumed_and_vitals_changes_last_their_duration()
    {
        var walk = Walk(trainee: true);
        walk.AdvanceTo(1);
        double hr = walk.ExpectedVitals().HrPerMin;
        walk.Inject(new Injection(InjectionKind.Occlusion));
        walk.Inject(new Injection(InjectionKind.VitalsChange, DurationH: 0.5, HrChangePerMin: 30, Spo2ChangePercent: -8));
        Assert.Equal(PumpState.Occluded, walk.Pump.State);
        Assert.Equal(0, walk.DeliveredRateMgPerH);
        Assert.Equal(hr + 30, walk.ExpectedVitals().HrPerMin, 1);
        Assert.Equal(hr + 30, walk.TruthCurve().At(1.2, new Vitals.VitalsModel(TestData.Quiet.Vitals)).HrPerMin, 1);

        walk.Operate(new PumpAction(PumpActionKind.Resume));
        Assert.Equal(3, walk.DeliveredRateMgPerH);
        walk.AdvanceTo(1.6);
        Assert.InRange(walk.ExpectedVitals().HrPerMin, hr - 2, hr + 2); // the change is over; only the drug's own small effect moves it
    }

    [Fact]
    public void The_same_inputs_at_the_same_times_replay_to_the_same_course()
    {
        Admission Run()
        {
            var w = Walk(trainee: true);
            w.AdvanceTo(1.5);
            w.Inject(new Injection(InjectionKind.SideEffect, SideEffectKind.Restlessness, SideEffectGrade.Moderate, DurationH: 2));
            w.AdvanceTo(2.1);
            w.Operate(new PumpAction(PumpActionKind.SetRate, 5));
            w.AdvanceTo(30);
            return w;
        }

        var a = Run();
        var b = Run();
        Assert.Equal(a.Log.Select(e => e.Detail), b.Log.Select(e => e.Detail));
        Assert.Equal(a.ConcentrationsNow, b.ConcentrationsNow);
    }

    [Theory]
    [InlineData(ConditionQuantity.FastEffectNgPerMl, 40.0, null, true)]
    [InlineData(ConditionQuantity.FastEffectNgPerMl, 60.0, null, false)]
    [InlineData(ConditionQuantity.Spo2Percent, null, 95.0, false)]
    [InlineData(ConditionQuantity.Spo2Percent, null, 99.0, true)]
    public void A_condition_holds_on_the_side_of_its_value(ConditionQuantity quantity, double? above, double? below, bool holds)
    {
        var state = new ConditionState(30, 50, 5, new Dictionary<string, int> { ["psychotomimetic"] = 2 }, 80, 130, 97);
        Assert.Equal(holds, ScenarioConditions.Holds(new ScenarioCondition(quantity, above, below), state));
        Assert.True(ScenarioConditions.Holds(new ScenarioCondition(ConditionQuantity.SideEffectGrade, SideEffect: "psychotomimetic", AtLeast: SideEffectGrade.Moderate), state));
        Assert.False(ScenarioConditions.Holds(new ScenarioCondition(ConditionQuantity.SideEffectGrade, SideEffect: "psychotomimetic", AtLeast: SideEffectGrade.Severe), state));
    }
}
