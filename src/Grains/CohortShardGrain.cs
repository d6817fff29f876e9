using Orleans.Concurrency;
using Orleans.Placement;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>
/// A job's worker on one silo: runs blocks of a cohort's admissions with the model's own walker, so that every outcome
/// equals the reference engine's. Reentrant: the job queues several blocks here at once and the silo's slots bound
/// how many compute. Idle workers go after a minute or two.
/// </summary>
/// <remarks>The job places it with a hint (<see cref="ShortestQueue"/>); without one, at random: Orleans's default
/// (resource-optimised) placement favours the calling silo, which kept a cohort's shards on the cohort's own silo
/// while another silo idled (two silos ran 1.04× one).</remarks>
[RandomPlacement]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
public sealed class CohortShardGrain(ModelCatalog catalog, WardTwinMetrics metrics) : Grain, ICohortShardGrain
{
    public async Task<CohortBlock> RunAsync(CohortRequestRef request, int first, int count)
    {
        var runner = await catalog.RunnerAsync(request.Hash, () => GrainFactory.GetGrain<ICohortJobGrain>(request.JobKey).GetRequestAsync());
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
        return new CohortBlock(outcomes);
    }
}
