using System.Runtime.ExceptionServices;

namespace WardTwin.Grains;

/// <summary>
/// One call per item with a bounded number in flight, driven from the calling grain's own turns (so the items'
/// continuations stay single-threaded). A 10,000-bed ward made 10,000 calls at once every tick: ~150,000 pooled
/// response sources stayed in the heap and every monitor on the silo queued behind them (issue 24).
/// </summary>
internal static class BoundedFanOut
{
    /// <summary>Calls <paramref name="call"/> for every item, at most <paramref name="width"/> at once; every item is called even when some fail, then the first failure is thrown.</summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> items, int width, Func<T, Task> call)
    {
        if (items.Count == 0)
        {
            return;
        }

        int next = 0;
        ExceptionDispatchInfo? first = null;
        async Task Lane()
        {
            while (next < items.Count)
            {
                try
                {
                    await call(items[next++]);
                }
                catch (Exception ex)
                {
                    first ??= ExceptionDispatchInfo.Capture(ex);
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
