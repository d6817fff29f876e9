using System.Collections.Concurrent;

namespace WardTwin.Grains;

/// <summary>
/// The silo's slots for planner work (cohort shards, PSA draws, capacity questions): a thread each, taking the next
/// piece of work from one queue as soon as it finishes one. On the thread pool behind a semaphore, a shard held a
/// pool thread for milliseconds while the silo's messages and grain turns queued behind it, so the job's silo
/// answered the other silos late and they idled between bursts; and a slot stood empty between two shards while the
/// next one was handed over through the grain's scheduler (two silos ran 1.5-1.6× one).
/// </summary>
public sealed class PlannerThreads(int count) : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private int _started;

    /// <summary>
    /// Runs <paramref name="work"/> on the next free thread. Cancelled before it starts (a stopping silo), or handed
    /// over after the threads were disposed, it never starts and the caller sees it cancelled at once.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        Start();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = cancellation.Register(() => done.TrySetCanceled(cancellation));
        try
        {
            Enqueue();
        }
        catch (InvalidOperationException) when (_work.IsAddingCompleted)
        {
            // The silo is stopping and its slots are gone: cancelled, as its queued work is, so the job runs the
            // unit elsewhere.
            cancelled.Dispose();
            done.TrySetCanceled(CancellationToken.None);
        }

        return done.Task;

        void Enqueue() => _work.Add(() =>
        {
            cancelled.Dispose();
            if (done.Task.IsCompleted)
            {
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
        }, CancellationToken.None);
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
