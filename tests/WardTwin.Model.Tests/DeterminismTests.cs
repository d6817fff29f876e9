using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

public sealed class DeterminismTests
{
    private static CohortRunner Runner() =>
        new(TestData.Catalog.LoadProtocol("erasmus-7d"), TestData.Catalog.LoadCohort("erasmus-2021"), TestData.Parameters);

    [Fact]
    public void A_patient_does_not_depend_on_cohort_size_or_thread_count()
    {
        var small = Runner().Run(50, seed: 9, maxParallelism: 1);
        var large = Runner().Run(300, seed: 9, maxParallelism: 2);
        for (int i = 0; i < small.Length; i++)
        {
            Assert.Equivalent(small[i], large[i], strict: true);
        }
    }

    [Fact]
    public void Different_seeds_give_different_patients()
    {
        var a = Runner().Run(20, seed: 1);
        var b = Runner().Run(20, seed: 2);
        Assert.NotEqual(a.Select(o => o.WeightKg), b.Select(o => o.WeightKg));
    }

    [Fact]
    public void The_same_seed_gives_the_same_summary_bytes()
    {
        string Summary()
        {
            var protocol = TestData.Catalog.LoadProtocol("erasmus-7d");
            var prices = TestData.Catalog.LoadPrices("nl");
            var outcomes = Runner().Run(200, seed: 4);
            var result = CohortResult.Price(protocol, 4, outcomes, prices, TestData.Parameters.Alarms.Select(AlarmEvaluator.Name).ToArray());
            return CohortSummary.ToJson(CohortSummary.Build(result));
        }

        Assert.Equal(Summary(), Summary());
    }
}
