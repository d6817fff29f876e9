using WardTwin.Model.Pd;

namespace WardTwin.Model.Tests;

public sealed class PainModelTests
{
    private readonly PainModel _pain = new(TestData.Parameters.Pain);

    [Fact]
    public void Responders_pain_falls_with_the_slow_effect_site_concentration()
    {
        var p = TestData.Patient(responder: true, nrs0: 8, c50: 10.5);
        double none = _pain.TrueNrs(p, 0, 0);
        double atC50 = _pain.TrueNrs(p, 10.5, 0);
        double high = _pain.TrueNrs(p, 200, 0);
        Assert.Equal(8, none, 9);
        Assert.Equal(8 * (1 - (TestData.Parameters.Pain.Emax / 2)), atC50, 9); // half of Emax at C50, whatever gamma
        Assert.True(high < atC50 && high >= 8 * (1 - TestData.Parameters.Pain.Emax) - 1e-9);
    }

    [Fact]
    public void Non_responders_feel_no_drug_effect()
    {
        var p = TestData.Patient(responder: false, placebo: false);
        Assert.Equal(8, _pain.TrueNrs(p, 500, 0.5), 9);
    }

    [Fact]
    public void Placebo_relief_rises_during_treatment_and_decays_after_it_with_the_slow_half_life()
    {
        var p = TestData.Patient(responder: false, placebo: true);
        var par = TestData.Parameters.Pain;
        double end = 100;
        double atEnd = _pain.PlaceboRelief(p, end, end);
        Assert.Equal(par.PlaceboPmax * (1 - Math.Exp(-end / (par.PlaceboTauDays * 24))), atEnd, 9);
        double halfLifeLater = _pain.PlaceboRelief(p, end + (10.9 * 24), end);
        Assert.Equal(atEnd / 2, halfLifeLater, 6);
        Assert.Equal(8 * (1 - atEnd), _pain.TrueNrs(p, 0, atEnd), 9);
    }

    [Theory]
    [InlineData(5.49, 0, 5)]
    [InlineData(5.5, 0, 6)]
    [InlineData(9.8, 0.9, 10)]
    [InlineData(0.2, -1.0, 0)]
    public void Reports_are_whole_numbers_clipped_to_the_scale(double trueNrs, double noise, int expected) =>
        Assert.Equal(expected, _pain.Report(trueNrs, PainMeasure.Current, noise));

    [Fact]
    public void Worst_pain_over_24_h_sits_the_offset_above_current_pain_before_rounding_and_clipping()
    {
        double offset = TestData.Parameters.Pain.Worst24hOffsetPoints;
        Assert.Equal(1.2, offset, 9); // Goldberg 2005 Fig. 1: 8.77 vs 7.54 on day 1, 6.63 vs 5.44 on day 10
        Assert.Equal(7, _pain.Report(6.0, PainMeasure.Worst24h, 0));        // 7.2
        Assert.Equal(6, _pain.Report(6.0, PainMeasure.Current, 0));
        Assert.Equal(8, _pain.Report(6.0, PainMeasure.Worst24h, 0.4));      // 7.6 rounds up: noise after the offset
        Assert.Equal(10, _pain.Report(9.5, PainMeasure.Worst24h, 0));       // 10.7 clipped
        var p = TestData.Patient(nrs0: 8);
        Assert.Equal(8, _pain.Baseline(p, PainMeasure.Current));
        Assert.Equal(9, _pain.Baseline(p, PainMeasure.Worst24h));
    }

    [Fact]
    public void Relief_is_noticed_one_point_below_baseline_in_the_same_measure()
    {
        var p = TestData.Patient(nrs0: 8);
        Assert.False(_pain.NoticesRelief(p, PainMeasure.Current, 8));
        Assert.True(_pain.NoticesRelief(p, PainMeasure.Current, 7));
        Assert.False(_pain.NoticesRelief(p, PainMeasure.Worst24h, 9)); // worst baseline is 9
        Assert.True(_pain.NoticesRelief(p, PainMeasure.Worst24h, 8));
    }
}
