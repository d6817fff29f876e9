using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;
using WardTwin.Hosting;

namespace WardTwin.Grains.Tests;

/// <summary>A silo is killed in the middle of a cohort job: the reader gets every admission exactly once, in order.</summary>
public sealed class SiloLossTests
{
    private static readonly DataCatalog Data = DataCatalog.Locate();

    [Fact]
    public async Task Killing_a_silo_mid_cohort_loses_no_admission_and_changes_no_number()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WardTwin:ShardSize"] = "40",
                ["WardTwin:ShardPauseMs"] = "60",
                ["WardTwin:ShardConcurrency"] = "1",
                ["WardTwin:ShardRetries"] = "6",
                ["WardTwin:WindowAdmissions"] = "400",
                ["WardTwin:ChunkAdmissions"] = "200",
            }).Build();
            silo.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, new FakeTimeProvider());
            silo.AddMemoryGrainStorage(WardTwinStorage.Name);
            silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            SiloServices.Add(silo.Services, configuration);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var protocol = Data.LoadProtocol("erasmus-7d");
        var request = CohortRequest.FromCatalog(Data, protocol.Id, 2000, 13);

        // The job must live on the silo that stays up (the primary, which holds the test cluster's membership and,
        // with memory storage, the stored state: a lost job's silo is the PostgreSQL drill's, end to end).
        var primary = cluster.Silos[0];
        ICohortJobGrain job = null!;
        for (int i = 0; ; i++)
        {
            job = cluster.Client.GetGrain<ICohortJobGrain>($"survivor-{i}");
            if ((await job.GetProgressAsync()).Silo == primary.SiloAddress.ToString())
            {
                break;
            }
        }

        await job.StartAsync(request);
        var first = await job.ReadAsync(0);
        var outcomes = new List<AdmissionOutcome>(first.Outcomes);

        // The job runs ahead of its reader by its window only (WindowAdmissions 400 here), whatever the cohort's size.
        await Task.Delay(500);
        var ahead = await job.GetProgressAsync();
        Assert.True(ahead.Done <= outcomes.Count + 400, $"the job ran {ahead.Done} admissions ahead of a reader at {outcomes.Count}");
        Assert.True(outcomes.Count < 2000, "the kill should land mid-run");
        await cluster.KillSiloAsync(cluster.Silos[1]);

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (outcomes.Count < 2000 && DateTime.UtcNow < deadline)
        {
            outcomes.AddRange((await job.ReadAsync(outcomes.Count)).Outcomes);
        }

        Assert.Equal(Enumerable.Range(0, 2000), outcomes.Select(o => o.PatientIndex));
        var reference = new CohortRunner(protocol, Data.LoadCohort(protocol.Cohort), Data.LoadParameters()).Run(2000, 13);
        Assert.Equal(Summary(protocol, reference), Summary(protocol, [.. outcomes]));
    }

    private static string Summary(Model.Protocols.Protocol protocol, AdmissionOutcome[] outcomes)
    {
        var alarms = Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray();
        return CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, 13, outcomes, Data.LoadPrices("nl"), alarms)));
    }
}
