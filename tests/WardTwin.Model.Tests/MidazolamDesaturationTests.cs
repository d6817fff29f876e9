using WardTwin.Model.Physiology;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>
/// A desaturation made by the model from the doses alone: midazolam slows the breathing at once, SpO2 follows with its lag,
/// and in lungs that rest at 94 % on air (a scenario's <c>resting_spo2_percent</c>) the same dose crosses the 92 % alarm
/// limit where healthy lungs stay above it; oxygen brings it back.
/// </summary>
public sealed class MidazolamDesaturationTests
{
    private static readonly double LagH = TestData.Parameters.Physiology.Breathing.Spo2LagMin / 60;

    private static Admission Walk(double? restingSpo2)
    {
        var plan = new ProtocolPlan(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet);
        var patient = new PatientOverrides(WeightKg: 60, RestingSpo2Percent: restingSpo2).Apply(TestData.Patient());
        return new Admission(plan, patient, recordEvents: true, livePhysiology: true);
    }

    /// <summary>SpO2 and RR every minute for <paramref name="minutes"/> after 4 mg, and a dose 2 h before it.</summary>
    private static (double[] Spo2, double[] Rr, Admission Walk) AfterDose(double? restingSpo2, int minutes)
    {
        var walk = Walk(restingSpo2);
        walk.AdvanceTo(1.0);
        walk.GiveMidazolam(2);
        walk.AdvanceTo(3.0);
        walk.GiveMidazolam(4);
        var spo2 = new double[minutes + 1];
        var rr = new double[minutes + 1];
        for (int m = 0; m <= minutes; m++)
        {
            walk.AdvanceTo(3.0 + (m / 60.0));
            (spo2[m], rr[m]) = (walk.ExpectedVitals().Spo2Percent, walk.ExpectedVitals().RrPerMin);
        }

        return (spo2, rr, walk);
    }

    [Fact]
    public void Lungs_resting_at_94_percent_rest_there_with_a_wider_A_a_gradient()
    {
        var walk = Walk(94);
        walk.AdvanceTo(1.0);
        Assert.Equal(94, walk.ExpectedVitals().Spo2Percent, 1);
        Assert.InRange(walk.Breathing!.AaGradientMmHg, 25, 32); // PAO2 about 100 mmHg on air, PaO2 about 71 for 94 %
        Assert.Equal(TestData.Parameters.Physiology.Breathing.AaGradientMmHg, Walk(null).Breathing!.AaGradientMmHg);
    }

    [Fact]
    public void A_second_dose_slows_breathing_at_once_and_SpO2_follows_with_its_lag_below_92_in_lungs_resting_at_94()
    {
        var (spo2, rr, walk) = AfterDose(94, 20);
        int slowest = Array.IndexOf(rr, rr.Min());
        int lowest = Array.IndexOf(spo2, spo2.Min());
        Assert.True(rr.Min() < rr[0] - 2, $"RR {rr[0]:0.0} -> {rr.Min():0.0}");
        Assert.True(lowest > slowest, $"SpO2 lowest at {lowest} min, RR slowest at {slowest} min"); // the saturation lags the breathing
        Assert.True(spo2.Min() < 92, $"SpO2 {spo2.Min():0.0}");
        Assert.True(walk.CurrentSideEffects()["drowsiness"] >= SideEffectGrade.Mild);

        // The same doses in lungs the parameter file calls healthy: breathing slows as much, the saturation stays above 92 %.
        var (healthy, healthyRr, _) = AfterDose(null, 20);
        Assert.Equal(rr.Min(), healthyRr.Min(), 1);
        Assert.True(healthy.Min() > 94, $"healthy lungs: {healthy.Min():0.0}");
    }

    [Fact]
    public void Oxygen_brings_the_saturation_back_while_the_breathing_stays_slow()
    {
        var (spo2, _, walk) = AfterDose(94, 8);
        double before = walk.ExpectedVitals().Spo2Percent;
        double rrBefore = walk.ExpectedVitals().RrPerMin;
        Assert.True(before < 92.5, $"{before:0.0}");

        walk.Give(new Intervention(InterventionKind.Oxygen, 2));
        Assert.Equal(before, walk.ExpectedVitals().Spo2Percent, 1); // not at once: the lag
        walk.AdvanceTo(walk.ClockH + (5 * LagH));
        Assert.True(walk.ExpectedVitals().Spo2Percent > 96, $"on 2 L/min: {walk.ExpectedVitals().Spo2Percent:0.0} (from {spo2.Min():0.0})");
        Assert.True(walk.ExpectedVitals().RrPerMin < TestData.Patient().Vitals.RrPerMin - 1, $"RR {walk.ExpectedVitals().RrPerMin:0.0} from {rrBefore:0.0}");
    }
}
