using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>
/// A cohort job: shards of <see cref="WardTwinOptions.ShardSize"/> admissions run on shard grains spread over the
/// cluster, a window of them ahead of the reader. Placed on the caller's silo (the reader's own, when it hosts one).
/// Reentrant: a reader waiting for its next chunk must not hold up progress queries or the shards' request fetches.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
public sealed class CohortJobGrain(
    [PersistentState("cohortjob", WardTwinStorage.Name)] IPersistentState<PlannerJobRecord<CohortRequest>> record,
    ModelCatalog catalog,
    IOptions<WardTwinOptions> options,
    ILocalSiloDetails silo,
    ILogger<CohortJobGrain> logger) : Grain, ICohortJobGrain
{
    private JobWindow<AdmissionOutcome[]>? _window;
    private string? _hash;

    private int ShardSize => Math.Max(1, options.Value.ShardSize);

    public async Task StartAsync(CohortRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (record.State.Request is { } running)
        {
            if (running != request)
            {
                throw new InvalidOperationException($"cohort job {this.GetPrimaryKeyString()} already runs another request");
            }

            return;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(request.Patients);
        string hash = ModelCatalog.Hash(request);
        _ = DataErrors.Translate(() => catalog.RunnerFor(request, hash)); // a bad file fails here, before any shard starts
        record.State.Request = request;
        await record.WriteStateAsync();
    }

    public async Task<CohortChunk> ReadAsync(int fromPatient)
    {
        var request = Request();
        int size = ShardSize;
        if (fromPatient < 0 || (fromPatient % size != 0 && fromPatient != request.Patients) || fromPatient > request.Patients)
        {
            throw new ArgumentOutOfRangeException(nameof(fromPatient), $"{fromPatient} is not the start of a chunk of this job ({request.Patients} patients)");
        }

        if (fromPatient == request.Patients)
        {
            // Everything was read: the job is over and its stored request can go.
            Log.CohortFinished(logger, this.GetPrimaryKeyString(), request.Patients, (request.Patients + size - 1) / size);
            _window?.Stop();
            await record.ClearStateAsync();
            DeactivateOnIdle();
            return new CohortChunk(fromPatient, [], request.Patients);
        }

        var shards = await Window(request).ReadAsync(fromPatient / size, Math.Max(1, options.Value.ChunkAdmissions / size), options.Value.ReadWait);
        var outcomes = shards.Count == 1 ? shards[0] : shards.SelectMany(s => s).ToArray();
        return new CohortChunk(fromPatient, outcomes, request.Patients);
    }

    public Task<JobProgress> GetProgressAsync()
    {
        var request = record.State.Request;
        var state = request is null ? JobState.NotStarted : record.State.Cancelled ? JobState.Cancelled : _window?.Failure is not null ? JobState.Failed : JobState.Running;
        int done = Math.Min(request?.Patients ?? 0, (_window?.Completed ?? 0) * ShardSize);
        return Task.FromResult(new JobProgress(done, request?.Patients ?? 0, state, silo.SiloAddress.ToString(), _window?.Failure is { } f ? Errors.OneLine(f) : null));
    }

    public async Task CancelAsync()
    {
        _window?.Stop();
        if (record.State.Request is not null && !record.State.Cancelled)
        {
            record.State.Cancelled = true;
            await record.WriteStateAsync();
        }
    }

    public Task<CohortRequest> GetRequestAsync() => Task.FromResult(record.State.Request ?? throw new InvalidOperationException($"cohort job {this.GetPrimaryKeyString()} has no request (it was never started, or has ended)"));

    private CohortRequest Request()
    {
        var request = record.State.Request ?? throw new InvalidOperationException($"cohort job {this.GetPrimaryKeyString()} was never started, or has ended");
        return record.State.Cancelled ? throw new InvalidOperationException($"cohort job {this.GetPrimaryKeyString()} was cancelled") : request;
    }

    private JobWindow<AdmissionOutcome[]> Window(CohortRequest request)
    {
        if (_window is not null)
        {
            return _window;
        }

        _hash ??= ModelCatalog.Hash(request);
        var job = new CohortRequestRef(this.GetPrimaryKeyString(), _hash, request.Seed);
        int size = ShardSize, shards = (request.Patients + size - 1) / size;
        string key = this.GetPrimaryKeyString();
        _window = new JobWindow<AdmissionOutcome[]>(shards, Math.Max(2, options.Value.WindowAdmissions / size), unit =>
        {
            int first = unit * size, count = Math.Min(size, request.Patients - first);
            return ShardCalls.WithRetries(
                attempt => GrainFactory.GetGrain<ICohortShardGrain>(ShardCalls.Key(key, unit, attempt)).RunAsync(job, first, count),
                options.Value.ShardRetries, logger, key, unit);
        });
        return _window;
    }
}
