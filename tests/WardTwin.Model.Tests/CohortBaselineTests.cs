using WardTwin.Model.Cohorts;
using WardTwin.Model.Data;
using WardTwin.Model.Pd;
using WardTwin.Model.Simulation;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Tests;

/// <summary>Model card section 1: a sampled cohort's baseline matches the published one after rounding and the ceiling at 10.</summary>
public sealed class CohortBaselineTests
{
    private static int[] SampledT0(string cohortId, string protocolId, int n = 4000)
    {
        var cohort = TestData.Catalog.LoadCohort(cohortId);
        var protocol = TestData.Catalog.LoadProtocol(protocolId);
        var sampler = new PatientSampler(cohort, TestData.Parameters, protocol.Arm);
        var pain = new PainModel(TestData.Parameters.Pain);
        return Enumerable.Range(0, n).Select(i => pain.Baseline(sampler.Sample(11, i), cohort.BaselineMeasure)).ToArray();
    }

    [Fact]
    public void Goldberg_2010_worst_pain_baseline_keeps_its_published_mean_and_SD_and_many_tens_after_the_ceiling()
    {
        var t0 = SampledT0("goldberg-2010", "goldberg-5d-inpatient");
        var d = Dist.Of(t0.Select(x => (double)x));
        Assert.InRange(d.Mean, 8.5 - 0.06, 8.5 + 0.06);   // 8.5 ± 1.6, worst pain over 24 h
        Assert.InRange(d.Sd, 1.6 - 0.06, 1.6 + 0.06);
        double tens = t0.Count(x => x == 10) / (double)t0.Length;
        Assert.InRange(tens, 0.30, 0.55);                   // Goldberg: 7 of 16 scored 10 (44 %)
    }

    [Fact]
    public void A_plain_truncated_normal_would_have_pulled_Goldbergs_mean_down_which_is_why_the_latent_is_solved()
    {
        var (mu, sigma) = LatentScore.Fit(new Distribution(Mean: 8.5, Sd: 1.6, Min: 0, Max: 10));
        Assert.True(mu > 8.7, $"latent mean {mu:0.##} must sit above 8.5 to survive rounding and the ceiling");
        var naive = LatentScore.Moments(8.5, 1.6, 0, 10);
        Assert.True(naive.Mean < 8.4, $"N(8.5, 1.6) rounded and clipped has mean {naive.Mean:0.##}"); // 8.36: 7 of 16 at the ceiling cost 0.14
        var solved = LatentScore.Moments(mu, sigma, 0, 10);
        Assert.Equal(8.5, solved.Mean, 6);
        Assert.Equal(1.6, solved.Sd, 6);
    }

    [Fact]
    public void Erasmus_median_and_IQR_survive_rounding()
    {
        var d = Dist.Of(SampledT0("erasmus-2021", "erasmus-7d").Select(x => (double)x));
        Assert.Equal(8, d.Median);
        Assert.Equal(2, d.Iqr, 6);
    }

    [Fact]
    public void Goldberg_2010_patients_carry_current_pain_the_offset_below_their_worst_pain_baseline()
    {
        var cohort = TestData.Catalog.LoadCohort("goldberg-2010");
        Assert.Equal(PainMeasure.Worst24h, cohort.BaselineMeasure);
        var sampler = new PatientSampler(cohort, TestData.Parameters, Protocols.Arm.Active);
        var patients = Enumerable.Range(0, 2000).Select(i => sampler.Sample(3, i)).ToArray();
        Assert.All(patients, p => Assert.InRange(p.BaselineNrs, 0, 10));
        var pain = new PainModel(TestData.Parameters.Pain);
        double worst = patients.Average(p => pain.Baseline(p, PainMeasure.Worst24h));
        double current = patients.Average(p => pain.Baseline(p, PainMeasure.Current));
        Assert.InRange(worst - current, 0.9, 1.2); // 1.2 before rounding, less where worst pain hits the ceiling of 10
    }

    [Fact]
    public void A_baseline_no_whole_number_scale_can_give_is_refused_with_its_field()
    {
        string path = TestData.TempFile("bad.json", """{"id":"bad","source":"test","baseline_nrs":{"mean":9.9,"sd":3,"min":0,"max":10}}""");
        var ex = Assert.Throws<DataFileException>(() => CohortValidator.Validate(DataJson.Read<Cohort>(path), path));
        Assert.Contains("baseline_nrs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no latent normal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_baseline_is_a_pain_score_with_a_measure()
    {
        string path = TestData.TempFile("bad.json", """{"id":"bad","source":"test","baseline_nrs":{"mean":7,"sd":1.5},"age_years":{"mean":40,"sd":10,"measure":"current"}}""");
        var ex = Assert.Throws<DataFileException>(() => CohortValidator.Validate(DataJson.Read<Cohort>(path), path));
        Assert.Contains("age_years.measure", ex.Message, StringComparison.Ordinal);
    }
}
