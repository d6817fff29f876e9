using Orleans.Placement;
using WardTwin.Model.Economics;

namespace WardTwin.Grains;

/// <summary>One draw of a PSA job, run with the model's own <see cref="PsaRunner.Draw"/>, so a draw equals the reference engine's.</summary>
[RandomPlacement]
public sealed class PsaDrawGrain(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime, ModelCatalog catalog, WardTwinMetrics metrics, Microsoft.Extensions.Options.IOptions<WardTwinOptions> options) : Grain, IPsaDrawGrain
{
    public async Task<PsaDrawRows> RunAsync(CohortRequestRef job, int draw)
    {
        ArgumentNullException.ThrowIfNull(job);
        var setup = catalog.CachedPsa(job.Hash)
            ?? catalog.PsaSetupFor(await GrainFactory.GetGrain<IPsaJobGrain>(job.JobKey).GetRequestAsync(), job.Hash);
        await catalog.ShardSlots.WaitAsync(lifetime.ApplicationStopping); // a stopping silo runs no more queued work
        PsaDrawResult result;
        try
        {
            if (options.Value.ShardPauseMs > 0)
            {
                await Task.Delay(options.Value.ShardPauseMs);
            }

            result = PsaRunner.Draw(setup, draw);
        }
        finally
        {
            catalog.ShardSlots.Release();
        }

        metrics.CohortAdmissions.Add(setup.Patients * setup.Protocols.Count, new KeyValuePair<string, object?>("protocol", "psa"));
        DeactivateOnIdle();
        return new PsaDrawRows(draw, [.. result.Rows.Select(r => r.Cost)], [.. result.Rows.Select(r => r.Effects)]);
    }
}
