namespace WardTwin.Grains.Tests;

public sealed class PlannerThreadsTests
{
    [Fact]
    public async Task Work_runs_on_the_silos_own_threads_never_more_at_once_than_there_are_threads()
    {
        using var threads = new PlannerThreads(2);
        int running = 0, most = 0;
        var names = new System.Collections.Concurrent.ConcurrentBag<string?>();
        var pool = new System.Collections.Concurrent.ConcurrentBag<bool>();
        var work = Enumerable.Range(0, 40).Select(i => threads.RunAsync(() =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            names.Add(Thread.CurrentThread.Name);
            pool.Add(Thread.CurrentThread.IsThreadPoolThread);
            double x = 0;
            for (int k = 0; k < 200_000; k++)
            {
                x += Math.Sqrt(k + i);
            }

            Interlocked.Decrement(ref running);
            return x;
        }, CancellationToken.None)).ToList();

        var results = await Task.WhenAll(work);

        Assert.Equal(40, results.Length);
        Assert.InRange(most, 1, 2);
        Assert.All(names, n => Assert.StartsWith("wardtwin-planner-", n));
        Assert.DoesNotContain(true, pool);
    }

    [Fact]
    public async Task A_failure_reaches_the_caller_and_the_threads_run_on()
    {
        using var threads = new PlannerThreads(1);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => threads.RunAsync<int>(() => throw new InvalidOperationException("bad shard"), CancellationToken.None));
        Assert.Equal("bad shard", failed.Message);
        Assert.Equal(7, await threads.RunAsync(() => 7, CancellationToken.None));
    }

    [Fact]
    public async Task Work_cancelled_before_it_starts_is_refused_as_cancelled()
    {
        using var threads = new PlannerThreads(1);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        bool ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => threads.RunAsync(() => ran = true, stopping.Token));
        Assert.False(ran);
    }

    [Fact]
    public async Task Queued_work_of_a_stopping_silo_is_cancelled_at_once_and_never_runs()
    {
        using var threads = new PlannerThreads(1);
        using var stopping = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = threads.RunAsync(() =>
        {
            started.SetResult();
            release.Wait(TimeSpan.FromSeconds(30));
            return 1;
        }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        bool ran = false;
        var queued = threads.RunAsync(() => ran = true, stopping.Token);

        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TimeSpan.FromSeconds(30)));
        release.Set();

        Assert.Equal(1, await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, await threads.RunAsync(() => 2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(ran);
    }

    [Fact]
    public async Task Work_handed_to_a_stopped_silos_threads_is_cancelled_not_lost_in_a_queue()
    {
        var threads = new PlannerThreads(1);
        Assert.Equal(1, await threads.RunAsync(() => 1, CancellationToken.None));
        threads.Dispose();
        bool ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => threads.RunAsync(() => ran = true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(ran);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
