using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

public sealed class ProtocolCatalogTests
{
    public static TheoryData<string> ProtocolIds() => [.. TestData.Catalog.ProtocolIds()];

    [Fact]
    public void Ships_the_five_study_protocols_and_the_eight_review_regimens()
    {
        var ids = TestData.Catalog.ProtocolIds();
        foreach (var id in new[] { "erasmus-7d", "goldberg-5d-inpatient", "goldberg-10d-outpatient", "dahan-100h", "dahan-100h-placebo" })
        {
            Assert.Contains(id, ids);
        }

        Assert.Equal(8, ids.Count(i => i.StartsWith("review-", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ProtocolIds))]
    public void Every_protocol_loads_and_runs_a_small_cohort(string id)
    {
        var protocol = TestData.Catalog.LoadProtocol(id);
        var outcomes = new CohortRunner(protocol, TestData.Catalog.LoadCohort(protocol.Cohort), TestData.Parameters).Run(40, seed: 5);
        Assert.Equal(40, outcomes.Length);
        Assert.All(outcomes, o =>
        {
            Assert.InRange(o.NrsT1, 0, 10);
            Assert.InRange(o.NrsT2, 0, 10);
            Assert.True(o.TreatmentH > 0);
            Assert.True(o.MaxRateMgPerH > 0);
            Assert.True(o.MaxRateMgPerH <= protocol.Limits.HardMax.ToMgPerHour(o.WeightKg, protocol.Schedule.SessionH ?? 1) + 1e-9, "hard limit held");
        });
        Assert.Equal(protocol.Arm == Protocols.Arm.Placebo, outcomes.All(o => o.TotalMg == 0));
    }
}
