using Microsoft.Extensions.Logging.Abstractions;
using WardTwin.Application.Capacity;
using WardTwin.Application.Engines;
using WardTwin.Application.Planner;
using WardTwin.Model.Capacity;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;

namespace WardTwin.Grains.Tests;

/// <summary>
/// The application services every host uses, run as a test runs them: the same request on the cluster's grains and on
/// the reference engine writes the same bytes (cohorts, PSA, one-way, scenarios), and the capacity service gives the same answer.
/// </summary>
[Collection(WardClusterGroup.Name)]
public sealed class PlannerRunServiceTests(TwoSiloCluster two)
{
    private static readonly DataCatalog Data = DataCatalog.Locate();

    [Fact]
    public async Task A_planner_run_on_the_grains_writes_the_reference_engines_bytes()
    {
        var request = new PlannerRunRequest(
            ["erasmus-7d", "goldberg-10d-outpatient"], Patients: 150, Seed: 8, Comparator: "goldberg-10d-outpatient",
            PriceOverrides: new Dictionary<string, double> { ["inpatient_day"] = 600 },
            Psa: new PsaPlan(6, 40, PsaEffect.RespondersT1, 12, Acceptability.Range(50_000, 5_000)),
            Sensitivity: new SensitivityPlan(true, 20_000, [new Scenario("cheap-chairs", new Dictionary<string, double> { ["day_care_session"] = 300 }, new Dictionary<string, double>())]));
        string grainsDir = Path.Combine(Path.GetTempPath(), $"wt-service-g-{Guid.NewGuid():N}");
        string referenceDir = Path.Combine(Path.GetTempPath(), $"wt-service-r-{Guid.NewGuid():N}");
        try
        {
            var onGrains = await new PlannerRunService(Data, new GrainPlannerEngine(two.Client, NullLogger<GrainPlannerEngine>.Instance)).RunAsync(request, grainsDir);
            var reference = await new PlannerRunService(Data, new ReferencePlannerEngine()).RunAsync(request, referenceDir);

            Assert.Equal("goldberg-10d-outpatient", onGrains.Comparison[0].Protocol);
            Assert.NotNull(onGrains.Psa);
            Assert.NotNull(onGrains.OneWay);
            var files = Directory.GetFiles(referenceDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(referenceDir, f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(
                ["comparison.json", "erasmus-7d/patients.csv", "erasmus-7d/summary.json", "goldberg-10d-outpatient/patients.csv", "goldberg-10d-outpatient/summary.json", "psa.csv", "psa_wide.csv"],
                files);
            foreach (string file in files)
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(referenceDir, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(grainsDir, file))),
                    $"{file} differs between the grains and the reference engine");
            }

            Assert.Equal(151, File.ReadAllLines(Path.Combine(grainsDir, "erasmus-7d", "patients.csv")).Length);
        }
        finally
        {
            foreach (string dir in new[] { grainsDir, referenceDir }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_bad_request_is_refused_before_anything_is_simulated_or_written()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"wt-service-bad-{Guid.NewGuid():N}");
        var service = new PlannerRunService(Data, new GrainPlannerEngine(two.Client, NullLogger<GrainPlannerEngine>.Instance));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => service.RunAsync(new PlannerRunRequest(["erasmus-7d"], 10, 1, Comparator: "nope"), dir));
        Assert.Contains("--comparator: 'nope'", unknown.Message, StringComparison.Ordinal);
        var price = await Assert.ThrowsAsync<ArgumentException>(() => service.RunAsync(new PlannerRunRequest(["erasmus-7d"], 10, 1, PriceOverrides: new Dictionary<string, double> { ["bed"] = 1 }), dir));
        Assert.Contains("--price: 'bed=1'", price.Message, StringComparison.Ordinal);

        // A host that builds the request itself meets the rule the command line and the dashboard bind with.
        var oneDraw = await Assert.ThrowsAsync<ArgumentException>(() => service.RunAsync(new PlannerRunRequest(["erasmus-7d", "goldberg-10d-outpatient"], 10, 1,
            Psa: new PsaPlan(1, 10, PsaEffect.RespondersT1, 12, Acceptability.Range(1000, 100))), dir));
        Assert.Equal("PSA draws: must be 0 (none) or 2-100000 draws, got 1: one draw gives a zero-width interval and EVPI 0", oneDraw.Message);
        var negative = await Assert.ThrowsAsync<ArgumentException>(() => service.RunAsync(new PlannerRunRequest(["erasmus-7d", "goldberg-10d-outpatient"], 10, 1,
            Sensitivity: new SensitivityPlan(true, -1, [])), dir));
        Assert.Equal("one-way willingness to pay: must be a willingness to pay >= 0, got -1", negative.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_capacity_question_on_the_grains_gives_the_reference_answer()
    {
        var question = new CapacityQuestion(60, Beds: 2, Chairs: 3, Years: 2, Replications: 4, Seed: 5);
        string[] protocols = ["erasmus-7d", "goldberg-10d-outpatient"];
        var onGrains = await new CapacityRunService(Data, new GrainPlannerEngine(two.Client, NullLogger<GrainPlannerEngine>.Instance)).RunAsync(protocols, question);
        var reference = await new CapacityRunService(Data, new ReferencePlannerEngine()).RunAsync(protocols, question);
        Assert.Equal(reference.Document.ToJsonString(), onGrains.Document.ToJsonString());
        Assert.Equal(reference.Csv, onGrains.Csv);
        Assert.Equal(["beds", "chairs"], onGrains.Results.Select(r => r.Resource));
    }
}
