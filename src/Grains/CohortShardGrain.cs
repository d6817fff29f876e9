using Orleans.Placement;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>A block of a cohort's admissions, run with the model's own walker so that every outcome equals the reference engine's.</summary>
/// <remarks>Placed at random: Orleans's default (resource-optimised) placement favours the calling silo, which kept a
/// cohort's shards on the cohort's own silo while another silo idled (two silos ran 1.04× one).</remarks>
[RandomPlacement]
public sealed class CohortShardGrain(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime, ModelCatalog catalog, WardTwinMetrics metrics, Microsoft.Extensions.Options.IOptions<WardTwinOptions> options) : Grain, ICohortShardGrain
{
    public async Task<AdmissionOutcome[]> RunAsync(CohortRequestRef request, int first, int count)
    {
        var runner = catalog.CachedRunner(request.Hash)
            ?? catalog.RunnerFor(await GrainFactory.GetGrain<ICohortJobGrain>(request.JobKey).GetRequestAsync(), request.Hash);
        await catalog.ShardSlots.WaitAsync(lifetime.ApplicationStopping); // a stopping silo runs no more queued work
        AdmissionOutcome[] outcomes;
        try
        {
            if (options.Value.ShardPauseMs > 0)
            {
                await Task.Delay(options.Value.ShardPauseMs);
            }

            outcomes = new AdmissionOutcome[count];
            for (int i = 0; i < count; i++)
            {
                outcomes[i] = runner.RunOne(request.Seed, first + i);
            }
        }
        finally
        {
            catalog.ShardSlots.Release();
        }

        metrics.CohortAdmissions.Add(count, new KeyValuePair<string, object?>("protocol", runner.Plan.Protocol.Id));
        DeactivateOnIdle();
        return outcomes;
    }
}
