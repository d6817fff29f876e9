using WardTwin.Model.Parameters;
using WardTwin.Model.Physiology;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

/// <summary>
/// A live walk's physiology: midazolam's sedation (MOAA/S) and breathing, SpO2 following ventilation with its lag, oxygen,
/// flumazenil, and side-effect grades at every look rather than at the hourly observation.
/// </summary>
public sealed class BreathingPhysiologyTests
{
    private static readonly double LagH = TestData.Parameters.Physiology.Breathing.Spo2LagMin / 60;

    private static ProtocolPlan Plan => new(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet);

    /// <summary>No ketamine side effects (thresholds out of reach), resting RR 14 and SpO2 98 %.</summary>
    private static Admission Live(bool live = true) => new(Plan, TestData.Patient(), recordEvents: true, livePhysiology: live);

    private static string Drowsiness(Admission walk) => walk.CurrentSideEffects()["drowsiness"].ToString();

    [Fact]
    public void Midazolam_pk_matches_its_sources_half_life_and_a_2_5_mg_peak()
    {
        var p = TestData.Parameters;
        var m = new BreathingModel(p.Physiology, p.Pk, 70);
        var s = BreathingState.Start(70) with { Midazolam = DoseHistory.None.Add(0, 2.5) };

        // The Nazolam study's 2.5 mg i.v.: 219 ng/mL (CV 31 %) at 2 min; the terminal half-life is Heizmann's 2.3 h.
        Assert.InRange(m.MidazolamPlasmaNgPerMl(s, 2.0 / 60), 219 * 0.69, 219 * 1.31);
        double late = Math.Log(m.MidazolamPlasmaNgPerMl(s, 6) / m.MidazolamPlasmaNgPerMl(s, 8)) / 2;
        Assert.Equal(2.3, Math.Log(2) / late, 1);
    }

    [Fact]
    public void Repeated_midazolam_deepens_sedation_and_lowers_RR_dose_by_dose()
    {
        var walk = Live();
        walk.AdvanceTo(1.0);
        var rest = walk.ExpectedVitals();
        Assert.InRange(rest.RrPerMin, 13.5, 14); // ketamine's small part only
        Assert.Equal("None", Drowsiness(walk));

        var moaas = new List<int>();
        var rr = new List<double>();
        foreach (double at in new[] { 1.0, 1.1, 1.2, 1.3 })
        {
            walk.AdvanceTo(at);
            walk.GiveMidazolam(4);
            walk.AdvanceTo(at + (8.0 / 60)); // near the effect site's peak
            moaas.Add(walk.Breathing!.Moaas(walk.TruthCurve().Breathing!, walk.ClockH));
            rr.Add(walk.ExpectedVitals().RrPerMin);
        }

        // Each dose goes deeper on the scale and slows breathing further.
        for (int i = 1; i < rr.Count; i++)
        {
            Assert.True(rr[i] < rr[i - 1] - 0.5, $"RR after dose {i + 1}: {string.Join(", ", rr.Select(x => x.ToString("0.0")))}");
            Assert.True(moaas[i] <= moaas[i - 1], string.Join(", ", moaas));
        }

        Assert.True(moaas[^1] <= 2, string.Join(", ", moaas));
        Assert.Equal("Severe", Drowsiness(walk));
        Assert.True(rr[^1] < 10, $"RR {rr[^1]:0.0}");
    }

    [Fact]
    public void Sedation_shows_within_minutes_of_a_dose_not_at_the_next_hourly_observation()
    {
        var live = Live();
        var cohort = Live(live: false);
        foreach (var w in new[] { live, cohort })
        {
            w.AdvanceTo(1.1);
            w.GiveMidazolam(4);
            w.GiveMidazolam(4);
            w.AdvanceTo(1.1 + (6.0 / 60));
        }

        Assert.Equal("Moderate", Drowsiness(live));
        Assert.Equal("None", Drowsiness(cohort)); // the card's walk still shows the 1.0 h observation
    }

    [Fact]
    public void A_side_effect_put_in_ends_on_the_live_bedside_when_it_ends_not_at_the_next_observation()
    {
        var live = Live();
        var cohort = Live(live: false);
        foreach (var w in new[] { live, cohort })
        {
            w.AdvanceTo(1.1);
            w.Inject(new Injection(InjectionKind.SideEffect, SideEffectKind.Psychotomimetic, SideEffectGrade.Severe, DurationH: 0.2));
            w.AdvanceTo(1.5);
        }

        Assert.Equal(SideEffectGrade.None, live.CurrentSideEffects()["psychotomimetic"]);
        Assert.Equal(SideEffectGrade.Severe, cohort.CurrentSideEffects()["psychotomimetic"]);
    }

    [Fact]
    public void SpO2_follows_a_fall_in_ventilation_with_its_lag_and_oxygen_brings_it_back()
    {
        var walk = Live();
        walk.AdvanceTo(1.0);
        double rest = walk.ExpectedVitals().Spo2Percent;
        walk.Inject(new Injection(InjectionKind.VitalsChange, DurationH: 2, RrChangePerMin: -7));
        Assert.Equal(7, walk.ExpectedVitals().RrPerMin, 1); // the rate falls at once ...
        Assert.Equal(rest, walk.ExpectedVitals().Spo2Percent, 1); // ... the saturation not yet

        walk.AdvanceTo(1.0 + (10 * LagH));
        double settled = walk.ExpectedVitals().Spo2Percent;
        Assert.True(settled < rest - 15, $"settled {settled:0.0} from {rest:0.0}");

        // One time constant after the step, about 63 % of the way (the lag is first-order).
        var again = Live();
        again.AdvanceTo(1.0);
        again.Inject(new Injection(InjectionKind.VitalsChange, DurationH: 2, RrChangePerMin: -7));
        again.AdvanceTo(1.0 + LagH);
        Assert.Equal(1 - Math.Exp(-1), (rest - again.ExpectedVitals().Spo2Percent) / (rest - settled), 1);

        walk.Give(new Intervention(InterventionKind.Oxygen, 2));
        Assert.Equal(settled, walk.ExpectedVitals().Spo2Percent, 1);
        walk.AdvanceTo(walk.ClockH + (10 * LagH));
        Assert.True(walk.ExpectedVitals().Spo2Percent >= 95, $"on 2 L/min: {walk.ExpectedVitals().Spo2Percent:0.0}");
        Assert.Equal(7, walk.ExpectedVitals().RrPerMin, 1); // oxygen treats the saturation, not the breathing
    }

    [Fact]
    public void Flumazenil_reverses_midazolam_for_a_shorter_time_than_midazolam_lasts()
    {
        var walk = Live();
        walk.AdvanceTo(1.0);
        for (int i = 0; i < 3; i++)
        {
            walk.GiveMidazolam(4);
            walk.AdvanceTo(walk.ClockH + (5.0 / 60));
        }

        walk.AdvanceTo(1.3);
        Assert.Equal("Severe", Drowsiness(walk));
        double rrSedated = walk.ExpectedVitals().RrPerMin;

        walk.Give(new Intervention(InterventionKind.Flumazenil, 0.5));
        walk.AdvanceTo(1.3 + (10.0 / 60));
        Assert.True(walk.CurrentSideEffects()["drowsiness"] <= SideEffectGrade.Mild, Drowsiness(walk));
        Assert.True(walk.ExpectedVitals().RrPerMin > rrSedated + 2, $"{walk.ExpectedVitals().RrPerMin:0.0} after {rrSedated:0.0}");

        // Flumazenil's half-life (49 min) is shorter than midazolam's (2.3 h): its antagonism fades first.
        var m = walk.Breathing!;
        var s = walk.TruthCurve().Breathing!;
        double Share(double t) => m.EffectiveMidazolamNgPerMl(s, t) / m.EffectiveMidazolamNgPerMl(s with { Flumazenil = DoseHistory.None }, t);
        Assert.True(Share(1.3 + (10.0 / 60)) < 0.4, $"{Share(1.3 + (10.0 / 60)):0.00}");
        Assert.True(Share(5.3) > 0.75, $"{Share(5.3):0.00}");
        Assert.True(TestData.Parameters.Physiology.Flumazenil.HalfLifeH < TestData.Parameters.Physiology.Midazolam.HalfLifeH / 2);
    }

    [Fact]
    public void An_injected_desaturation_fades_when_the_pump_is_paused()
    {
        Admission Desaturated(bool pause)
        {
            var w = Live();
            w.AdvanceTo(30); // a day into the infusion: the fast effect site is at its level
            w.Inject(new Injection(InjectionKind.VitalsChange, DurationH: 2, Spo2ChangePercent: -9));
            if (pause)
            {
                w.Operate(new PumpAction(PumpActionKind.Pause));
            }

            w.AdvanceTo(31);
            return w;
        }

        var running = Desaturated(pause: false);
        var paused = Desaturated(pause: true);
        Assert.True(running.ExpectedVitals().Spo2Percent < 91.5, $"running: {running.ExpectedVitals().Spo2Percent:0.0}");
        Assert.True(paused.ExpectedVitals().Spo2Percent > running.ExpectedVitals().Spo2Percent + 3,
            $"paused {paused.ExpectedVitals().Spo2Percent:0.0}, running {running.ExpectedVitals().Spo2Percent:0.0}");
    }
}
