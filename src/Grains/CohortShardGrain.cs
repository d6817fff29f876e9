using Orleans.Placement;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>A block of a cohort's admissions, run with the model's own walker so that every outcome equals the reference engine's.</summary>
/// <remarks>Placed at random: Orleans's default (resource-optimised) placement favours the calling silo, which kept a
/// cohort's shards on the cohort's own silo while another silo idled (two silos ran 1.04× one).</remarks>
[RandomPlacement]
public sealed class CohortShardGrain(ModelCatalog catalog, WardTwinMetrics metrics) : Grain, ICohortShardGrain
{
    public async Task<AdmissionOutcome[]> RunAsync(CohortRequestRef request, int first, int count)
    {
        var runner = catalog.CachedRunner(request.Hash)
            ?? catalog.RunnerFor(await GrainFactory.GetGrain<ICohortJobGrain>(request.JobKey).GetRequestAsync(), request.Hash);
        var outcomes = await catalog.InSlotAsync(() =>
        {
            var block = new AdmissionOutcome[count];
            for (int i = 0; i < count; i++)
            {
                block[i] = runner.RunOne(request.Seed, first + i);
            }

            return block;
        });

        metrics.CohortAdmissions.Add(count, new KeyValuePair<string, object?>("protocol", runner.Plan.Protocol.Id));
        DeactivateOnIdle();
        return outcomes;
    }
}
