using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>Fans a cohort out over shard grains (spread over the cluster's silos) and gathers outcomes in patient order.</summary>
public sealed class CohortGrain(ModelCatalog catalog, IOptions<WardTwinOptions> options, ILogger<CohortGrain> logger) : Grain, ICohortGrain
{
    private int _done;
    private int _total;
    private bool _finished;

    public async Task<AdmissionOutcome[]> RunAsync(CohortRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Patients);
        _ = DataErrors.Translate(() => catalog.RunnerFor(request)); // a bad file fails here, before any shard starts
        _total = request.Patients;
        _done = 0;
        _finished = false;
        int size = Math.Max(1, options.Value.ShardSize);
        string key = this.GetPrimaryKeyString();
        var shards = new List<Task<AdmissionOutcome[]>>();
        for (int first = 0, i = 0; first < request.Patients; first += size, i++)
        {
            int count = Math.Min(size, request.Patients - first);
            var shard = GrainFactory.GetGrain<ICohortShardGrain>($"{key}/{i}");
            shards.Add(Track(shard.RunAsync(request, first, count), count));
        }

        var parts = await Task.WhenAll(shards);
        _finished = true;
        Log.CohortFinished(logger, key, request.Patients, shards.Count);
        return parts.SelectMany(p => p).ToArray();
    }

    public Task<CohortProgress> GetProgressAsync() => Task.FromResult(new CohortProgress(Volatile.Read(ref _done), _total, _finished));

    private async Task<AdmissionOutcome[]> Track(Task<AdmissionOutcome[]> shard, int count)
    {
        var result = await shard;
        Interlocked.Add(ref _done, count);
        return result;
    }
}
