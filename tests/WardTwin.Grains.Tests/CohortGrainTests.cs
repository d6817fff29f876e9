using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Grains.Tests;

[Collection(WardClusterGroup.Name)]
public sealed class CohortGrainTests(TwoSiloCluster two, OneSiloCluster one) : IClassFixture<OneSiloCluster>
{
    private static readonly DataCatalog Data = DataCatalog.Locate();

    private static CohortRequest Request(string protocolId, int patients, long seed) => CohortRequest.FromCatalog(Data, protocolId, patients, seed);

    private static string Summary(string protocolId, long seed, AdmissionOutcome[] outcomes)
    {
        var protocol = Data.LoadProtocol(protocolId);
        var alarms = Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray();
        return CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, seed, outcomes, Data.LoadPrices("nl"), alarms)));
    }

    [Fact]
    public async Task Two_silos_one_silo_and_the_reference_engine_give_the_same_summary()
    {
        var request = Request("erasmus-7d", 600, 21);
        var onTwo = await two.Client.GetGrain<ICohortGrain>("erasmus-two").RunAsync(request);
        var onOne = await one.Cluster.Client.GetGrain<ICohortGrain>("erasmus-one").RunAsync(request);
        var protocol = Data.LoadProtocol("erasmus-7d");
        var reference = new CohortRunner(protocol, Data.LoadCohort(protocol.Cohort), Data.LoadParameters()).Run(600, 21);

        string expected = Summary("erasmus-7d", 21, reference);
        Assert.Equal(expected, Summary("erasmus-7d", 21, onTwo));
        Assert.Equal(expected, Summary("erasmus-7d", 21, onOne));
        Assert.Equal(Enumerable.Range(0, 600), onTwo.Select(o => o.PatientIndex));
    }

    [Fact]
    public async Task Progress_reaches_the_total_when_the_cohort_is_done()
    {
        var grain = two.Client.GetGrain<ICohortGrain>("progress");
        await grain.RunAsync(Request("goldberg-10d-outpatient", 130, 3));
        var progress = await grain.GetProgressAsync();
        Assert.Equal(130, progress.Done);
        Assert.True(progress.Finished);
    }

    [Fact]
    public async Task A_bad_protocol_fails_before_any_shard_runs_with_the_field_named()
    {
        var bad = Request("erasmus-7d", 10, 1) with { ProtocolJson = "{\"id\": \"x\"}", ProtocolSource = "mine.json" };
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => two.Client.GetGrain<ICohortGrain>("bad").RunAsync(bad));
        Assert.Contains("mine.json", ex.Message, StringComparison.Ordinal);
    }
}
