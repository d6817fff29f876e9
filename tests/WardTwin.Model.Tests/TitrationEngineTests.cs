using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Titration;

namespace WardTwin.Model.Tests;

public sealed class TitrationEngineTests
{
    private static readonly Protocol Erasmus = TestData.Catalog.LoadProtocol("erasmus-7d");
    private readonly TitrationEngine _erasmus = new(Erasmus);

    private static TitrationReport Report(bool relief = false, SideEffectGrade worst = SideEffectGrade.None, SideEffectGrade now = SideEffectGrade.None, params string[] alarms) =>
        new(relief, worst, worst == SideEffectGrade.None ? null : SideEffectKind.Dizziness, now, now == SideEffectGrade.None ? null : SideEffectKind.Dizziness, alarms);

    [Fact]
    public void Raises_by_2_below_8_mg_per_h_and_by_1_above_up_to_14()
    {
        var state = new TitrationState(3);
        var rates = new List<double>();
        for (int i = 0; i < 12; i++)
        {
            var d = _erasmus.Review(state, Report(), hardMaxInProtocolUnits: 14);
            state = d.State;
            rates.Add(d.NewRate);
        }

        Assert.Equal([5, 7, 9, 10, 11, 12, 13, 14, 14, 14, 14, 14], rates);
    }

    [Fact]
    public void Freezes_rate_once_patient_notices_relief()
    {
        var d = _erasmus.Review(new TitrationState(7), Report(relief: true), 14);
        Assert.Equal(TitrationAction.Freeze, d.Action);
        Assert.Equal(7, d.NewRate);
        var after = _erasmus.Review(d.State, Report(), 14);
        Assert.Equal(TitrationAction.Hold, after.Action);
        Assert.Equal(7, after.NewRate);
        Assert.Contains("effective dose", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_while_any_side_effect_was_present_since_the_last_review()
    {
        var d = _erasmus.Review(new TitrationState(5), Report(worst: SideEffectGrade.Mild), 14);
        Assert.Equal(TitrationAction.Hold, d.Action);
        Assert.Equal(5, d.NewRate);
        Assert.Contains("mild dizziness", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowers_by_2_on_a_severe_side_effect_and_restores_the_effective_dose_when_it_subsides()
    {
        var frozen = new TitrationState(9, Frozen: true, FrozenRate: 9);
        var lowered = _erasmus.Review(frozen, Report(worst: SideEffectGrade.Severe, now: SideEffectGrade.Severe), 14);
        Assert.Equal(TitrationAction.Lower, lowered.Action);
        Assert.Equal(7, lowered.NewRate);
        var restored = _erasmus.Review(lowered.State, Report(), 14);
        Assert.Equal(TitrationAction.Restore, restored.Action);
        Assert.Equal(9, restored.NewRate);
    }

    [Fact]
    public void Never_proposes_a_rate_above_the_hard_limit()
    {
        var d = _erasmus.Review(new TitrationState(11), Report(), hardMaxInProtocolUnits: 11.5);
        Assert.Equal(11.5, d.NewRate);
        var held = _erasmus.Review(d.State, Report(), 11.5);
        Assert.Equal(TitrationAction.Hold, held.Action);
        Assert.Equal("at the hard limit", held.Reason);
    }

    [Fact]
    public void Linear_escalation_reaches_its_target_in_the_stated_number_of_reviews()
    {
        var goldberg = TestData.Catalog.LoadProtocol("goldberg-10d-outpatient");
        var engine = new TitrationEngine(goldberg);
        var state = new TitrationState(40);
        for (int i = 0; i < 9; i++)
        {
            state = engine.Review(state, Report(), 100).State;
        }

        Assert.Equal(80, state.Rate, 9);
        Assert.Equal(80, engine.Review(state, Report(), 100).NewRate, 9);
    }

    [Fact]
    public void An_alarm_named_by_the_protocol_holds_the_raise()
    {
        var goldberg = TestData.Catalog.LoadProtocol("goldberg-5d-inpatient");
        var d = new TitrationEngine(goldberg).Review(new TitrationState(20), Report(alarms: "spo2_below_92"), 50);
        Assert.Equal(TitrationAction.Hold, d.Action);
        Assert.Equal("held: alarm spo2_below_92", d.Reason);
    }
}
