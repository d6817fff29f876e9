using Microsoft.Extensions.Logging;

namespace WardTwin.Grains;

/// <summary>
/// Whether a grain's checkpoints reach storage: the first failure is logged as a warning, and the first
/// success after failures says how many writes were missed; the ones in between are counted, not repeated.
/// </summary>
internal sealed class StoreHealth(string kind, string id, ILogger logger, WardTwinMetrics metrics)
{
    private int _failures;

    public void Failed(Exception ex)
    {
        metrics.StateWriteFailures.Add(1, new KeyValuePair<string, object?>("grain", kind));
        if (_failures++ == 0)
        {
            Log.CheckpointFailed(logger, kind, id, Errors.OneLine(ex));
        }
    }

    public void Stored()
    {
        if (_failures > 0)
        {
            Log.StoredAgain(logger, kind, id, _failures);
            _failures = 0;
        }
    }
}
