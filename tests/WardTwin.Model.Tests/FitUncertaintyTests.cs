using WardTwin.Model.Calibration;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Tests;

/// <summary>calibrate --uncertainty: how tightly the targets pin a fitted parameter becomes what the PSA draws.</summary>
public sealed class FitUncertaintyTests
{
    [Fact]
    public void A_pinned_parameter_gets_a_normal_interval_around_its_fit_and_a_published_one_keeps_its_own()
    {
        var targets = CalibrationCohorts.File with
        {
            Patients = 400,
            FitParameters = ["pain.gamma", "pain.ke0_half_life_days"],
            Targets = CalibrationCohorts.File.Targets.Where(t => t.Protocol is "erasmus-7d" or "dahan-100h").ToArray(),
        };
        var file = ParameterFile.Load(TestData.Catalog.DefaultParametersPath);
        var (estimated, rows) = FitUncertainty.Estimate(new Calibrator(TestData.Catalog, targets), targets, file);

        var gamma = rows.Single(r => r.Parameter == "pain.gamma");
        Assert.Equal("drawn", gamma.Outcome);
        Assert.True(gamma.StandardError is > 0, "the responder and relief targets pin the Hill coefficient");
        var u = estimated.Entries["pain.gamma"].Uncertainty!;
        Assert.Equal(UncertaintyDistribution.Normal, u.Distribution);
        Assert.Equal(file.Entries["pain.gamma"].Value, (u.CiLow!.Value + u.CiHigh!.Value) / 2, 4);
        Assert.StartsWith(FitUncertainty.SourcePrefix, u.Source, StringComparison.Ordinal);

        // The half-life keeps Dahan's published interval; the PSA now draws gamma too.
        Assert.Equal("keeps its published interval", rows.Single(r => r.Parameter == "pain.ke0_half_life_days").Outcome);
        Assert.Equal(5.3, estimated.Entries["pain.ke0_half_life_days"].Uncertainty!.CiLow);
        Assert.Contains("pain.gamma", ParameterSampler.Coverage(estimated).Drawn);
    }
}
