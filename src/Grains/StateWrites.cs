using Microsoft.Extensions.Logging;

namespace WardTwin.Grains;

/// <summary>
/// A write that must land before the caller is told it happened: on failure the state in memory goes back to what
/// was stored, the failure is logged, and the caller gets one line naming what was not kept.
/// </summary>
internal static class StateWrites
{
    public static async Task WriteOrRestoreAsync<T>(IPersistentState<T> state, T next, string kind, string id, string notKept, ILogger logger)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = previous;
            Log.StoreFailed(logger, ex, kind, id);
            throw new StorageUnavailableException($"{kind} {id}: could not store the change ({Errors.OneLine(ex)}); {notKept}");
        }
    }
}
