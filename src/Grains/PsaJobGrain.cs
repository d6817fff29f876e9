using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace WardTwin.Grains;

/// <summary>
/// A PSA job: each draw runs on a draw grain placed anywhere in the cluster, a window of draws ahead of the reader
/// (sized so the admissions in flight stay near <see cref="WardTwinOptions.WindowAdmissions"/>).
/// </summary>
[Reentrant]
[PreferLocalPlacement]
public sealed class PsaJobGrain(
    [PersistentState("psajob", WardTwinStorage.Name)] IPersistentState<PlannerJobRecord<PsaJobRequest>> record,
    ModelCatalog catalog,
    IOptions<WardTwinOptions> options,
    ILocalSiloDetails silo,
    ILogger<PsaJobGrain> logger) : Grain, IPsaJobGrain
{
    private JobWindow<PsaDrawRows>? _window;

    public async Task StartAsync(PsaJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (record.State.Request is { } running)
        {
            if (!ReferenceEquals(running, request) && ModelCatalog.Hash(running) != ModelCatalog.Hash(request))
            {
                throw new InvalidOperationException($"psa job {this.GetPrimaryKeyString()} already runs another request");
            }

            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(request.Draws, 1);
        _ = DataErrors.Translate(() => catalog.PsaSetupFor(request, ModelCatalog.Hash(request))); // bad files fail before any draw
        record.State.Request = request;
        await record.WriteStateAsync();
    }

    public async Task<PsaChunk> ReadAsync(int fromDraw)
    {
        var request = record.State.Request ?? throw new InvalidOperationException($"psa job {this.GetPrimaryKeyString()} was never started, or has ended");
        if (record.State.Cancelled)
        {
            throw new InvalidOperationException($"psa job {this.GetPrimaryKeyString()} was cancelled");
        }

        if (fromDraw < 0 || fromDraw > request.Draws)
        {
            throw new ArgumentOutOfRangeException(nameof(fromDraw), $"{fromDraw} is not a draw of this job ({request.Draws} draws)");
        }

        if (fromDraw == request.Draws)
        {
            _window?.Stop();
            await record.ClearStateAsync();
            DeactivateOnIdle();
            return new PsaChunk(fromDraw, [], request.Draws);
        }

        var draws = await Window(request).ReadAsync(fromDraw, int.MaxValue, options.Value.ReadWait);
        return new PsaChunk(fromDraw, [.. draws], request.Draws);
    }

    public Task<JobProgress> GetProgressAsync()
    {
        var request = record.State.Request;
        var state = request is null ? JobState.NotStarted : record.State.Cancelled ? JobState.Cancelled : _window?.Failure is not null ? JobState.Failed : JobState.Running;
        return Task.FromResult(new JobProgress(_window?.Completed ?? 0, request?.Draws ?? 0, state, silo.SiloAddress.ToString(), _window?.Failure is { } f ? Errors.OneLine(f) : null));
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

    public Task<PsaJobRequest> GetRequestAsync() => Task.FromResult(record.State.Request ?? throw new InvalidOperationException($"psa job {this.GetPrimaryKeyString()} has no request"));

    private JobWindow<PsaDrawRows> Window(PsaJobRequest request)
    {
        if (_window is not null)
        {
            return _window;
        }

        var job = new CohortRequestRef(this.GetPrimaryKeyString(), ModelCatalog.Hash(request), request.Protocols[0].Seed);
        int perDraw = Math.Max(1, request.Protocols.Sum(p => p.Patients));
        string key = this.GetPrimaryKeyString();
        _window = new JobWindow<PsaDrawRows>(request.Draws, Math.Max(2, options.Value.WindowAdmissions / perDraw), unit =>
            ShardCalls.WithRetries(
                attempt => GrainFactory.GetGrain<IPsaDrawGrain>(ShardCalls.Key(key, unit, attempt)).RunAsync(job, unit + 1),
                options.Value.ShardRetries, logger, key, unit));
        return _window;
    }
}
