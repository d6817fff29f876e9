using System.Collections.Concurrent;

namespace WardTwin.Grains;

/// <summary>
/// The silo's own threads for planner work (cohort shards, PSA draws, capacity questions), one per slot. On the
/// thread pool a shard held a pool thread for milliseconds while the silo's messages and grain turns queued behind
/// it: the job's silo then answered the other silos late and they idled between bursts of work (two silos ran
/// 1.5-1.6× one). On threads of their own the operating system shares the cores between the two.
/// </summary>
public sealed class PlannerThreads(int count) : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private int _started;

    /// <summary>Runs <paramref name="work"/> on one of the threads; refused when <paramref name="cancellation"/> is cancelled before it starts.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellation)
    {
        Start();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            if (cancellation.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellation);
                return;
            }

            try
            {
                done.TrySetResult(work());
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }, cancellation);
        return done.Task;
    }

    public void Dispose() => _work.CompleteAdding();

    private void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            new Thread(() =>
            {
                foreach (var item in _work.GetConsumingEnumerable())
                {
                    item();
                }
            })
            { IsBackground = true, Name = $"wardtwin-planner-{i}" }.Start();
        }
    }
}
