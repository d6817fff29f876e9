using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace WardTwin.Grains;

/// <summary>
/// A call to a job's worker grain, made again on a fresh activation when its silo was lost. A unit's result depends
/// only on the request and the unit's number, so a retry can neither change nor double-count it.
/// </summary>
internal static class ShardCalls
{
    /// <param name="stopped">True once the job no longer wants the unit (cancelled, or read to the end): a lost call is then not made again.</param>
    public static async Task<T> WithRetries<T>(Func<int, Task<T>> call, int retries, ILogger logger, string job, int unit, Func<bool> stopped)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await call(attempt);
            }
            catch (Exception ex) when (attempt < retries && IsLostSilo(ex) && !stopped())
            {
                Log.ShardRetried(logger, job, unit, attempt + 1, ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// A worker's key: one worker per job and silo, which takes the job's units there one after another (an activation
    /// per unit cost the job's silo a directory lookup, a registration and a removal per unit, on the core that also
    /// reads); a retry goes to a fresh worker, placed anew.
    /// </summary>
    public static string Key(string job, SiloAddress? silo, int attempt) =>
        $"{job}/on/{(silo is null ? "any" : silo.ToParsableString())}{(attempt == 0 ? "" : $"/retry-{attempt}")}";

    /// <summary>The worker's silo went or is going: gone (unavailable, no answer, refused), or stopping (its queued work cancelled).</summary>
    public static bool IsLostSilo(Exception ex) =>
        ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or OperationCanceledException;
}
