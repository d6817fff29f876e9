using System.Runtime.ExceptionServices;

namespace WardTwin.Grains;

/// <summary>
/// One call per item with a bounded number in flight, driven from the calling grain's own turns. A 10,000-bed ward
/// made 10,000 calls at once every tick: ~150,000 pooled response sources stayed in the heap and every monitor on the
/// silo queued behind them (issue 24).
/// </summary>
public static class BoundedFanOut
{
    /// <summary>Calls <paramref name="call"/> for every item, at most <paramref name="width"/> at once; every item is called even when some fail, then the first failure is thrown.</summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> items, int width, Func<T, Task> call)
    {
        if (items.Count == 0)
        {
            return;
        }

        // Interlocked although a grain runs one turn at a time: called from anywhere else, lanes run in parallel.
        int next = -1;
        ExceptionDispatchInfo? first = null;
        async Task Lane()
        {
            for (int i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    await call(items[i]);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref first, ExceptionDispatchInfo.Capture(ex), null);
                }
            }
        }

        var lanes = new Task[Math.Clamp(width, 1, items.Count)];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Lane();
        }

        await Task.WhenAll(lanes);
        first?.Throw();
    }
}
