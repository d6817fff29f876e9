using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace WardTwin.Grains;

/// <summary>
/// What a cohort job and a PSA job share: the stored request (started once; the same request again does nothing,
/// another is refused), the window of units running ahead of the reader, cancelling, progress, and forgetting the
/// request once everything was read.
/// </summary>
public abstract class PlannerJobGrain<TRequest, TUnit>(
    IPersistentState<PlannerJobRecord<TRequest>> record,
    IOptions<WardTwinOptions> options,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    ILogger logger) : Grain
    where TRequest : class
    where TUnit : class
{
    private readonly ShortestQueue _placement = new(membership);
    private JobWindow<TUnit>? _window;

    protected abstract string Kind { get; }

    protected WardTwinOptions Options => options.Value;

    protected ILogger Logger => logger;

    protected string Key => this.GetPrimaryKeyString();

    public async Task StartAsync(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (record.State.Request is { } running)
        {
            if (!SameRequest(running, request))
            {
                throw new InvalidOperationException($"{Kind} job {Key} already runs another request");
            }

            return;
        }

        Check(request); // a bad file fails here, before any unit starts
        record.State.Request = request;
        await record.WriteStateAsync();
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

    public Task<TRequest> GetRequestAsync() =>
        Task.FromResult(record.State.Request ?? throw new InvalidOperationException($"{Kind} job {Key} has no request (it was never started, or has ended)"));

    public Task<JobProgress> GetProgressAsync()
    {
        var request = record.State.Request;
        var state = request is null ? JobState.NotStarted : record.State.Cancelled ? JobState.Cancelled : _window?.Failure is not null ? JobState.Failed : JobState.Running;
        int total = request is null ? 0 : Total(request);
        int done = Math.Min(total, (_window?.Completed ?? 0) * UnitSize(request));
        return Task.FromResult(new JobProgress(done, total, state, silo.SiloAddress.ToString(), _window?.Failure is { } f ? Errors.OneLine(f) : null));
    }

    /// <summary>The request of a running job (one never started, ended or cancelled is refused).</summary>
    protected TRequest Request()
    {
        var request = record.State.Request ?? throw new InvalidOperationException($"{Kind} job {Key} was never started, or has ended");
        return record.State.Cancelled ? throw new InvalidOperationException($"{Kind} job {Key} was cancelled") : request;
    }

    /// <summary>Everything was read: the job is over and its stored request can go.</summary>
    protected async Task FinishAsync()
    {
        _window?.Stop();
        await record.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>The running units, made when the job is first read on this activation (after a silo loss, from the stored request).</summary>
    private protected JobWindow<TUnit> Window(TRequest request) => _window ??= new JobWindow<TUnit>(Units(request), Math.Max(2, options.Value.WindowAdmissions / Math.Max(1, AdmissionsPerUnit(request))), Math.Max(1, options.Value.UnitsInFlight), unit =>
        ShardCalls.WithRetries(attempt => _placement.RunAsync(silo => RunUnit(request, unit, ShardCalls.Key(Key, silo, attempt))), options.Value.ShardRetries, logger, Key, unit, () => _window?.Stopped ?? true));

    protected abstract bool SameRequest(TRequest running, TRequest asked);

    protected abstract void Check(TRequest request);

    /// <summary>What progress counts (patients, draws).</summary>
    protected abstract int Total(TRequest request);

    /// <summary>How much of <see cref="Total"/> one unit is.</summary>
    protected abstract int UnitSize(TRequest? request);

    protected abstract int Units(TRequest request);

    protected abstract int AdmissionsPerUnit(TRequest request);

    /// <summary>Runs one unit on a worker grain with the given key (a fresh key for each retry).</summary>
    protected abstract Task<TUnit> RunUnit(TRequest request, int unit, string workerKey);
}
