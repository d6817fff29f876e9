using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using System.Text.Json;
using WardTwin.Grains;
using WardTwin.Model.Capacity;
using WardTwin.Model.Outcomes;

namespace WardTwin.Application.Engines;

/// <summary>
/// Runs planner work as job grains on the cluster this process belongs to (a silo of its own, or a client's
/// gateway): starts a job, reads it back a chunk at a time with short calls, and, when the job's silo is lost,
/// reads on from the same point (the job's stored request runs on elsewhere). Cancelling the enumeration
/// cancels the job.
/// </summary>
public sealed class GrainPlannerEngine(IGrainFactory grains, ILogger<GrainPlannerEngine> logger) : IPlannerEngine
{
    private const int ReadRetries = 20;

    public string Name => "grains";

    public async IAsyncEnumerable<AdmissionOutcome[]> RunCohortAsync(CohortRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = grains.GetGrain<ICohortJobGrain>($"cohort/{Guid.NewGuid():N}");
        await job.StartAsync(request);
        int next = 0;
        while (next < request.Patients)
        {
            var chunk = await ReadAsync(() => job.ReadAsync(next), job.CancelAsync, cancellation);
            if (chunk.Outcomes.Length > 0)
            {
                next += chunk.Outcomes.Length;
                yield return chunk.Outcomes;
            }
        }

        await job.ReadAsync(next); // everything read: the job forgets its request
    }

    public async IAsyncEnumerable<PsaDrawRows> RunPsaAsync(PsaJobRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = grains.GetGrain<IPsaJobGrain>($"psa/{Guid.NewGuid():N}");
        await job.StartAsync(request);
        int next = 0;
        while (next < request.Draws)
        {
            var chunk = await ReadAsync(() => job.ReadAsync(next), job.CancelAsync, cancellation);
            foreach (var draw in chunk.Draws)
            {
                next++;
                yield return draw;
            }
        }

        await job.ReadAsync(next);
    }

    public async Task<CapacityResult> RunCapacityAsync(CohortRequest protocol, CapacityQuestion question, CancellationToken cancellation)
    {
        string json = await grains.GetGrain<ICapacityGrain>(0).RunAsync(protocol, JsonSerializer.Serialize(question, CapacityJson.Options)).WaitAsync(cancellation);
        return JsonSerializer.Deserialize<CapacityResult>(json, CapacityJson.Options) ?? throw new InvalidOperationException("a capacity grain answered nothing");
    }

    /// <summary>
    /// One read, made again while the job's silo is being replaced (the job reactivates from its stored request).
    /// Cancelled, the job is told before this returns, so it starts no more work on a silo about to stop.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<Task> cancelJob, CancellationToken cancellation)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                cancellation.ThrowIfCancellationRequested();
                return await read().WaitAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                await cancelJob().WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }
            catch (Exception ex) when (attempt < ReadRetries && ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                logger.LogWarning("planner job: a read failed ({Error}); reading again (attempt {Attempt})", ex.GetType().Name, attempt + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellation);
            }
        }
    }
}
