using WardTwin.Model.Calibration;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

/// <summary>Simulates the four calibration cohorts once: 2,000 patients each, seed 7 (the fit used seed 1).</summary>
public sealed class CalibrationCohorts
{
    public const int Patients = 2000;
    public const long Seed = 7;

    public CalibrationCohorts()
    {
        foreach (var id in new[] { "erasmus-7d", "dahan-100h", "dahan-100h-placebo", "goldberg-5d-inpatient" })
        {
            var protocol = TestData.Catalog.LoadProtocol(id);
            Outcomes[id] = new CohortRunner(protocol, TestData.Catalog.LoadCohort(protocol.Cohort), TestData.Parameters).Run(Patients, Seed);
        }
    }

    public Dictionary<string, AdmissionOutcome[]> Outcomes { get; } = [];

    public double Statistic(string protocol, string statistic) =>
        TargetStatistics.Compute(statistic, Outcomes[protocol], TestData.Parameters.Alarms.Select(AlarmEvaluator.Name).ToArray());
}

/// <summary>
/// The shipped (calibrated) parameters against the model card's section 7, each inside the 95 % interval of the
/// published figure for its sample size: Wilson for proportions, median ± 1.58·IQR/√n, mean ± 1.96·SD/√n or ± 1.96·SEM.
/// </summary>
[Trait("Category", "Calibration")]
public sealed class CalibrationTests(CalibrationCohorts cohorts) : IClassFixture<CalibrationCohorts>
{
    [Theory]
    // Mangnus 2021, Erasmus 7-day (n = 47/48; responders 29, non-responders 18)
    [InlineData("erasmus-7d", "responders_t1_2pt", 0.4745, 0.7417)]          // 29/47 = 62 %, Wilson
    [InlineData("erasmus-7d", "median_nrs_t0", 7.539, 8.461)]                 // 8 (IQR 2), n 47
    [InlineData("erasmus-7d", "median_nrs_t0_responders", 7.707, 8.293)]      // 8 (IQR 1), n 29
    [InlineData("erasmus-7d", "median_nrs_t0_nonresponders", 7.255, 8.745)]   // 8 (IQR 2), n 18
    [InlineData("erasmus-7d", "median_nrs_t1_nonresponders", 7.628, 8.372)]   // 8 (IQR 1), n 18
    [InlineData("erasmus-7d", "median_onset_day_responders", 1.707, 2.293)]   // day 2 (IQR 1), n 29
    [InlineData("erasmus-7d", "mean_max_mg_per_h", 6.142, 7.858)]             // 7 (SD 3) mg/h, n 47
    [InlineData("erasmus-7d", "any_side_effect", 0.4841, 0.7479)]             // 30/48 = 63 %, Wilson
    [InlineData("erasmus-7d", "share_dizziness_among_any", 0.3023, 0.6394)]   // 47 % of 30
    [InlineData("erasmus-7d", "share_drowsiness_among_any", 0.2187, 0.5446)]  // 37 % of 30
    [InlineData("erasmus-7d", "share_nausea_among_any", 0.1418, 0.4440)]      // 27 % of 30
    [InlineData("erasmus-7d", "share_headache_among_any", 0.0951, 0.3728)]    // 20 % of 30
    [InlineData("erasmus-7d", "share_hallucinations_among_any", 0, 0.1135)]   // 0 % of 30
    // Sigtermans 2009 Pain, 100-h S-ketamine RCT (30 per arm)
    [InlineData("dahan-100h", "mean_end_rate_protocol_unit", 21.484, 22.916)] // 22.2 ± 2.0 (SD) mg/h/70 kg
    [InlineData("dahan-100h", "mean_nrs_week1_after", 1.680, 3.680)]          // 2.68 ± 0.51 (SEM)
    [InlineData("dahan-100h-placebo", "mean_nrs_week1_after", 4.509, 6.391)]  // 5.45 ± 0.48 (SEM)
    [InlineData("dahan-100h", "psychotomimetic_any", 0.5911, 0.8821)]         // 76 % of 30, Wilson
    [InlineData("dahan-100h-placebo", "psychotomimetic_any", 0.0734, 0.3357)] // 18 % of 30, Wilson
    // Goldberg 2010 (16 patients): none had tachycardia, desaturation or hallucinations
    [InlineData("goldberg-5d-inpatient", "alarm_hr_over_100", 0, 0.1936)]
    [InlineData("goldberg-5d-inpatient", "alarm_spo2_below_92", 0, 0.1936)]
    [InlineData("goldberg-5d-inpatient", "hallucinations", 0, 0.1936)]
    public void Simulated_cohort_falls_inside_the_published_95_percent_interval(string protocol, string statistic, double low, double high)
    {
        double simulated = cohorts.Statistic(protocol, statistic);
        Assert.True(simulated >= low && simulated <= high, $"{protocol} {statistic}: simulated {simulated:0.####}, published interval {low}–{high}");
    }

    [Fact]
    public void Erasmus_T1_medians_sit_below_the_published_figures_as_the_README_states()
    {
        // Documented tension: with the sourced C50 of 10.5 ng/mL both Erasmus (day 7) and Sigtermans (week 1)
        // effect sites sit well above C50, so one Emax cannot give Erasmus responders 8 -> 5 and Sigtermans 2.68.
        // The fit keeps Sigtermans inside and leaves these two below their intervals (5.08–6.92 and 3.83–6.17).
        Assert.InRange(cohorts.Statistic("erasmus-7d", "median_nrs_t1"), 4, 5);
        Assert.InRange(cohorts.Statistic("erasmus-7d", "median_nrs_t1_responders"), 2, 3.5);
    }

    [Fact]
    public void Goldberg_plasma_gaps_are_as_the_README_states()
    {
        // Women clear 20 % faster (card s.2): Goldberg's 15/16 women sit below the 70-kg-man plateau check.
        Assert.InRange(cohorts.Statistic("goldberg-5d-inpatient", "mean_plateau_s"), 165, 185);
        Assert.InRange(cohorts.Statistic("goldberg-5d-inpatient", "mean_plateau_r"), 183, 203);
        // Card s.2 known gap: model norketamine ~170 where Goldberg measured 90-120 (venous).
        Assert.InRange(cohorts.Statistic("goldberg-5d-inpatient", "mean_plateau_s_nk"), 155, 180);
    }

    [Fact]
    public void Intervals_in_the_target_file_agree_with_the_ones_written_here()
    {
        var file = CalibrationTargetFile.Load(Path.Combine(TestData.Catalog.Root, "calibration", "targets.json"));
        var responders = file.Targets.Single(t => t.Statistic == "responders_t1_2pt").Bounds();
        Assert.Equal(0.4745, responders.Low, 3);
        Assert.Equal(0.7417, responders.High, 3);
        var endRate = file.Targets.Single(t => t.Statistic == "mean_end_rate_protocol_unit").Bounds();
        Assert.Equal(21.484, endRate.Low, 2);
        var onset = file.Targets.Single(t => t.Statistic == "median_onset_day_responders").Bounds();
        Assert.Equal(2.293, onset.High, 2);
    }
}
