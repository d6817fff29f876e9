using WardTwin.Model.Calibration;

namespace WardTwin.Model.Tests;

/// <summary>The shipped parameters against the card's section 7 on seed 7 (the fit used seed 1), as many patients per cohort as the fit.</summary>
public sealed class CalibrationCohorts
{
    public const long Seed = 7;

    public CalibrationCohorts()
    {
        var calibrator = new Calibrator(TestData.Catalog, File);
        Results = calibrator.Evaluate(Parameters.ParameterFile.Load(TestData.Catalog.DefaultParametersPath), File.Patients, Seed)
            .ToDictionary(r => r.Target.Name, StringComparer.Ordinal);
    }

    public static CalibrationTargetFile File { get; } = CalibrationTargetFile.Load(Path.Combine(TestData.Catalog.Root, "calibration", "targets.json"));

    public Dictionary<string, TargetResult> Results { get; }
}

/// <summary>
/// Every target of the model card's section 7 inside its 95 % interval on a seed other than the fit's, judged as
/// the card says (Wilson for proportions, mean ± 1.96 SEM, the binomial rule for whole-number medians), unless the
/// target file names it a known gap with its reason; each known gap is pinned by a test that says so in its name.
/// </summary>
[Trait("Category", "Calibration")]
public sealed class CalibrationTests(CalibrationCohorts cohorts) : IClassFixture<CalibrationCohorts>
{
    public static TheoryData<string> TargetsWithoutKnownGap() => [.. CalibrationCohorts.File.Targets.Where(t => t.KnownGap is null).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TargetsWithoutKnownGap))]
    public void Simulated_cohort_on_another_seed_falls_inside_the_published_95_percent_interval(string target)
    {
        var r = cohorts.Results[target];
        string shares = r.IsBinomial ? $" (shares {r.ShareBelow:0.###} below, {r.ShareAtOrBelow:0.###} at or below {r.Target.Published})" : string.Empty;
        Assert.True(r.Inside, $"{target}: simulated {r.Simulated:0.####}{shares}, interval {r.Low:0.####}–{r.High:0.####}, residual {r.Residual:0.##}");
    }

    [Fact]
    public void Known_gap_Sigtermans_S_norketamine_peak_sits_near_120_where_225_is_quoted()
    {
        // Card s.2: CL_NK is fitted to Goldberg 2010's venous plateau; the same CL_NK cannot give Sigtermans' ~225 ng/mL.
        var r = cohorts.Results["Sigtermans S-norketamine peak, ng/mL"];
        Assert.False(r.Inside);
        Assert.InRange(r.Simulated, 100, 160);
        Assert.Contains("CL_NK", r.Target.KnownGap, StringComparison.Ordinal);
    }

    private static readonly string[] PinnedGaps = ["mean_peak_s_nk"];

    [Fact]
    public void Every_known_gap_in_the_target_file_is_pinned_by_a_test_here()
    {
        var gaps = CalibrationCohorts.File.Targets.Where(t => t.KnownGap is not null).Select(t => t.Statistic).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(PinnedGaps.Order(StringComparer.Ordinal), gaps);
    }

    [Fact]
    public void Intervals_in_the_target_file_agree_with_the_ones_written_here()
    {
        var byStatistic = CalibrationCohorts.File.Targets.ToLookup(t => t.Statistic);
        var responders = byStatistic["responders_t1_2pt"].Single().Bounds();
        Assert.Equal(0.4745, responders.Low, 3);                       // 29/47, Wilson
        Assert.Equal(0.7417, responders.High, 3);
        var endRate = byStatistic["mean_end_rate_protocol_unit"].Single().Bounds();
        Assert.Equal(21.484, endRate.Low, 2);                          // 22.2 ± 1.96 · 2.0/√30
        var goldbergT1 = byStatistic["mean_nrs_t1"].Single().Bounds();
        Assert.Equal(2.8 - (1.96 * 0.65 / 4), goldbergT1.Low, 2);      // 2.8 ± 1.96 · 0.65/√16
        var onset = byStatistic["median_onset_day_responders"].Single();
        Assert.Equal(IntervalKind.MedianBinomial, onset.Interval);
        Assert.Equal(0.5 + (1.96 * 0.5 / Math.Sqrt(29)), onset.Bounds().High, 3); // share band for n 29
        Assert.Equal(36, byStatistic["median_nrs_t1"].Single().N);     // only 36 had a T1 score
    }

    [Fact]
    public void The_binomial_rule_accepts_a_tied_median_and_rejects_a_shifted_one()
    {
        var target = new CalibrationTarget("t", "p", "s", 5, IntervalKind.MedianBinomial, "test", N: 29);
        // Integer scores: 30 % below 5 and 75 % at or below 5 have median 5 whatever the tie.
        var tied = TargetResult.Of(target, new TargetStatistic(5, [.. Enumerable.Repeat(4.0, 30), .. Enumerable.Repeat(5.0, 45), .. Enumerable.Repeat(6.0, 25)]));
        Assert.True(tied.Inside);
        Assert.Equal(0, tied.Residual);
        // 85 % below 5: the simulated median is 4 and no sample of 29 would plausibly show 5.
        var low = TargetResult.Of(target, new TargetStatistic(4, [.. Enumerable.Repeat(4.0, 85), .. Enumerable.Repeat(5.0, 15)]));
        Assert.False(low.Inside);
        Assert.True(low.Residual < -1);
    }
}
