using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace WardTwin.Grains;

/// <summary>
/// A grain's checkpoints to storage, and whether they arrive: the first failure is logged as a warning, and
/// the first success after failures says how many writes were missed; the ones in between are counted, not
/// repeated. A checkpoint that fails leaves the grain running on what it has in memory.
/// </summary>
internal sealed class StoreHealth(string kind, string id, ILogger logger, WardTwinMetrics metrics)
{
    private int _failures;

    /// <summary>Writes the state; true when it was stored.</summary>
    public async Task<bool> CheckpointAsync<T>(IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
            Stored();
            return true;
        }
        catch (Exception ex)
        {
            if (ex is InconsistentStateException)
            {
                // Another activation wrote after this one read (a silo was declared dead while still running):
                // this activation is stale, so let a fresh one load what was stored.
                grain.DeactivateOnIdle();
            }

            Failed(ex);
            return false;
        }
    }

    private void Failed(Exception ex)
    {
        metrics.StateWriteFailures.Add(1, new KeyValuePair<string, object?>("grain", kind));
        if (_failures++ == 0)
        {
            Log.CheckpointFailed(logger, kind, id, Errors.OneLine(ex));
        }
    }

    private void Stored()
    {
        if (_failures > 0)
        {
            Log.StoredAgain(logger, kind, id, _failures);
            _failures = 0;
        }
    }
}
