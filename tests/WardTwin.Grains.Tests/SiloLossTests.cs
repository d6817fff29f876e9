using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;
using WardTwin.Silo.Hosting;

namespace WardTwin.Grains.Tests;

/// <summary>A silo is killed in the middle of a cohort: the cohort completes with every admission exactly once.</summary>
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
            }).Build();
            silo.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, new FakeTimeProvider());
            silo.AddMemoryGrainStorage(WardTwinStorage.Name);
            silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            SiloHostFactory.ConfigureServices(silo.Services, configuration);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var protocol = Data.LoadProtocol("erasmus-7d");
        var request = CohortRequest.FromCatalog(Data, protocol.Id, 2000, 13);

        // The cohort grain must live on the silo that stays up (the primary, which holds the test cluster's membership).
        var primary = cluster.Silos[0];
        ICohortGrain cohort = null!;
        for (int i = 0; ; i++)
        {
            cohort = cluster.Client.GetGrain<ICohortGrain>($"survivor-{i}");
            if ((await cohort.GetProgressAsync()).Silo == primary.SiloAddress.ToString())
            {
                break;
            }
        }

        var run = cohort.RunAsync(request);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await cohort.GetProgressAsync()).Done == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var before = await cohort.GetProgressAsync();
        Assert.True(before.Done > 0 && before.Done < 2000, $"the kill should land mid-run, progress {before.Done}/2000");
        await cluster.KillSiloAsync(cluster.Silos[1]);

        var outcomes = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(Enumerable.Range(0, 2000), outcomes.Select(o => o.PatientIndex));

        var reference = new CohortRunner(protocol, Data.LoadCohort(protocol.Cohort), Data.LoadParameters()).Run(2000, 13);
        Assert.Equal(Summary(protocol, reference), Summary(protocol, outcomes));
    }

    private static string Summary(Model.Protocols.Protocol protocol, AdmissionOutcome[] outcomes)
    {
        var alarms = Data.LoadParameters().Alarms.Select(AlarmEvaluator.Name).ToArray();
        return CohortSummary.ToJson(CohortSummary.Build(CohortResult.Price(protocol, 13, outcomes, Data.LoadPrices("nl"), alarms)));
    }
}
