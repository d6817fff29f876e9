using WardTwin.Model.Parameters;
using WardTwin.Model.Randomness;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

public sealed class VitalsTests
{
    private readonly VitalsParameters _p = TestData.Parameters.Vitals;

    [Fact]
    public void Ketamine_raises_heart_rate_and_clonidine_cuts_the_rise_to_20_of_46()
    {
        var model = new VitalsModel(_p);
        var patient = TestData.Patient();
        double c = 1000; // at EC50 the rise is half of Emax
        var plain = model.Expected(patient, c, clonidineActive: false, hoursSinceMidazolam: double.PositiveInfinity);
        var clon = model.Expected(patient, c, clonidineActive: true, hoursSinceMidazolam: double.PositiveInfinity);
        Assert.Equal(75 * (1 + (0.435 / 2)), plain.HrPerMin, 6);
        Assert.Equal(20.0 / 46, (clon.HrPerMin - 75) / (plain.HrPerMin - 75), 4);
        Assert.Equal(39.0 / 55, (clon.SbpMmHg - 125) / (plain.SbpMmHg - 125), 4);
    }

    [Fact]
    public void Midazolam_lowers_saturation_for_an_hour()
    {
        var model = new VitalsModel(_p);
        var patient = TestData.Patient();
        Assert.Equal(98 - _p.MidazolamSpo2Drop, model.Expected(patient, 0, false, 0).Spo2Percent, 9);
        Assert.Equal(98, model.Expected(patient, 0, false, 1.5).Spo2Percent, 9);
        Assert.Equal(98, model.Expected(patient, 0, false, double.PositiveInfinity).Spo2Percent, 9);
    }

    [Fact]
    public void Alarm_rules_fire_on_their_thresholds()
    {
        var alarms = new AlarmEvaluator(TestData.Parameters.Alarms);
        var names = alarms.Rules.Select(AlarmEvaluator.Name).ToArray();
        Assert.Equal(["spo2_below_92", "hr_over_100", "hr_rise_20pct", "sbp_over_180"], names);
        Assert.Equal(0, alarms.Evaluate(new VitalSigns(80, 130, 80, 97, 14), 75));
        Assert.Equal(1 | 2 | 4, alarms.Evaluate(new VitalSigns(101, 130, 80, 91, 14), 75));
        Assert.Equal(4, alarms.Evaluate(new VitalSigns(91, 130, 80, 97, 14), 75)); // +21 % over 75
        Assert.Equal(8, alarms.Evaluate(new VitalSigns(70, 181, 80, 97, 14), 75));
    }

    [Fact]
    public void Sampled_vitals_carry_noise_and_drift_around_the_truth()
    {
        var sampler = new VitalsSampler(_p, new SeededRandom(42));
        var truth = new VitalSigns(75, 125, 78, 97, 14);
        var hr = Enumerable.Range(0, 20000).Select(i => sampler.Sample(i / 60.0, truth, withArtefacts: false).HrPerMin).ToArray();
        double mean = hr.Average();
        double sd = Math.Sqrt(hr.Select(x => (x - mean) * (x - mean)).Average());
        double expectedSd = Math.Sqrt((_p.HrNoiseSd * _p.HrNoiseSd) + (_p.HrDriftSd * _p.HrDriftSd));
        Assert.InRange(mean, 73, 77);
        Assert.InRange(sd, expectedSd * 0.8, expectedSd * 1.2);
    }

    [Fact]
    public void Artefacts_arrive_at_their_configured_rates()
    {
        var sampler = new VitalsSampler(_p, new SeededRandom(7));
        var truth = new VitalSigns(75, 125, 78, 97, 14);
        int probeOffStarts = 0;
        var previous = VitalsArtefact.None;
        double hours = 2000;
        for (int i = 0; i < hours * 60; i++)
        {
            var s = sampler.Sample(i / 60.0, truth, withArtefacts: true);
            if (s.Artefact == VitalsArtefact.ProbeOff && previous != VitalsArtefact.ProbeOff)
            {
                probeOffStarts++;
                Assert.True(s.Spo2Percent < 92, "a loose probe reads a falsely low saturation");
            }

            previous = s.Artefact;
        }

        double expected = _p.ProbeOffPerH * hours;
        Assert.InRange(probeOffStarts, expected * 0.7, expected * 1.3);
    }
}
