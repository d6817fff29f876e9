using WardTwin.Model.Calibration;

namespace WardTwin.Model.Tests;

/// <summary>
/// How fast the first course's relief fades, against the weak evidence of data/calibration/durability.json (apart from
/// the card's targets, never fitted): Mangnus 2021's responders at the first follow-up visit and Sigtermans 2009's
/// ketamine-placebo difference at week 12, derived from its p value. The shipped parameters, the file's seed and size.
/// </summary>
[Trait("Category", "Calibration")]
public sealed class DurabilityChecksTests
{
    private static readonly CalibrationTargetFile File = CalibrationTargetFile.Load(Path.Combine(TestData.Catalog.Root, "calibration", "durability.json"));

    [Fact]
    public void Relief_fades_as_the_trials_saw_it_within_the_weak_evidence()
    {
        File.Validate(TestData.Catalog, Parameters.ParameterFile.Load(TestData.Catalog.DefaultParametersPath), fitting: false);
        var results = new Calibrator(TestData.Catalog, File).Evaluate(Parameters.ParameterFile.Load(TestData.Catalog.DefaultParametersPath));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Inside, $"{r.Target.Name}: simulated {r.Simulated:0.###}, interval {r.Low:0.###}-{r.High:0.###} ({r.Target.Note})"));

        // The contrast is a difference on the same virtual patients: ketamine still below placebo at week 12, by less than at week 1.
        var week12 = results.Single(r => r.Target.Versus is not null);
        Assert.InRange(week12.Simulated, -2.64, -0.01);
    }
}
