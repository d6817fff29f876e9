using Orleans.Concurrency;
using Orleans.Placement;
using WardTwin.Model.Economics;

namespace WardTwin.Grains;

/// <summary>
/// A PSA job's worker on one silo: runs draws with the model's own <see cref="PsaRunner.Draw"/>, so a draw equals the
/// reference engine's. Reentrant, placed and collected as <see cref="CohortShardGrain"/>.
/// </summary>
[RandomPlacement]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
public sealed class PsaDrawGrain(ModelCatalog catalog, WardTwinMetrics metrics) : Grain, IPsaDrawGrain
{
    public async Task<PsaDrawRows> RunAsync(CohortRequestRef job, int draw)
    {
        ArgumentNullException.ThrowIfNull(job);
        var setup = await catalog.PsaSetupAsync(job.Hash, () => GrainFactory.GetGrain<IPsaJobGrain>(job.JobKey).GetRequestAsync());
        var result = await catalog.InSlotAsync(() => PsaRunner.Draw(setup, draw));
        metrics.CohortAdmissions.Add(setup.Patients * setup.Protocols.Count, new KeyValuePair<string, object?>("protocol", "psa"));
        return new PsaDrawRows(draw, [.. result.Rows.Select(r => r.Cost)], [.. result.Rows.Select(r => r.Effects)]);
    }
}
