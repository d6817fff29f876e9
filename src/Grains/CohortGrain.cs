using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>Fans a cohort out over shard grains (spread over the cluster's silos) and gathers outcomes in patient order.</summary>
[PreferLocalPlacement]
public sealed class CohortGrain(ModelCatalog catalog, IOptions<WardTwinOptions> options, ILocalSiloDetails silo, ILogger<CohortGrain> logger) : Grain, ICohortGrain
{
    private int _done;
    private int _total;
    private bool _finished;
    private CohortRequest? _request;

    public async Task<AdmissionOutcome[]> RunAsync(CohortRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Patients);
        string hash = ModelCatalog.Hash(request);
        _ = DataErrors.Translate(() => catalog.RunnerFor(request, hash)); // a bad file fails here, before any shard starts
        _request = request;
        var reference = new CohortRequestRef(this.GetPrimaryKeyString(), hash, request.Seed);
        _total = request.Patients;
        _done = 0;
        _finished = false;
        int size = Math.Max(1, options.Value.ShardSize);
        string key = this.GetPrimaryKeyString();
        var shards = new List<Task<AdmissionOutcome[]>>();
        for (int first = 0, i = 0; first < request.Patients; first += size, i++)
        {
            int count = Math.Min(size, request.Patients - first);
            shards.Add(RunShard(key, i, reference, first, count));
        }

        var parts = await Task.WhenAll(shards);
        _finished = true;
        Log.CohortFinished(logger, key, request.Patients, shards.Count);
        return parts.SelectMany(p => p).ToArray();
    }

    public Task<CohortRequest> GetRequestAsync() =>
        Task.FromResult(_request ?? throw new InvalidOperationException($"cohort {this.GetPrimaryKeyString()} has no request (it is not running)"));

    public Task<CohortProgress> GetProgressAsync() => Task.FromResult(new CohortProgress(Volatile.Read(ref _done), _total, _finished, silo.SiloAddress.ToString()));

    /// <summary>
    /// Runs one shard; if its silo is lost, runs it again on a fresh activation. A shard's outcomes depend
    /// only on (seed, patient index) and are gathered by shard index, so a retry can neither change nor
    /// double-count an admission.
    /// </summary>
    private async Task<AdmissionOutcome[]> RunShard(string key, int index, CohortRequestRef request, int first, int count)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var shard = GrainFactory.GetGrain<ICohortShardGrain>(attempt == 0 ? $"{key}/{index}" : $"{key}/{index}/retry-{attempt}");
                var result = await shard.RunAsync(request, first, count);
                Interlocked.Add(ref _done, count);
                return result;
            }
            catch (Exception ex) when (attempt < options.Value.ShardRetries && IsLostSilo(ex))
            {
                Log.ShardRetried(logger, key, index, attempt + 1, ex.GetType().Name);
            }
        }
    }

    private static bool IsLostSilo(Exception ex) =>
        ex is SiloUnavailableException or TimeoutException or Orleans.Runtime.OrleansMessageRejectionException;
}
