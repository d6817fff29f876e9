namespace WardTwin.Grains.Tests;

public sealed class BoundedFanOutTests
{
    [Fact]
    public async Task Never_has_more_than_its_width_in_flight_and_calls_every_item()
    {
        // The first calls wait until the width is in flight (a fan-out that ran them one by one fails on the gate's
        // timeout); then every call passes straight through, and none may ever push the count above the width.
        int inFlight = 0, most = 0;
        var widthReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = new List<int>();
        await BoundedFanOut.RunAsync(Enumerable.Range(0, 1000).ToList(), 16, async i =>
        {
            int now = Interlocked.Increment(ref inFlight);
            lock (called)
            {
                most = Math.Max(most, now);
                called.Add(i);
            }

            if (now == 16)
            {
                widthReached.TrySetResult();
            }

            await widthReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref inFlight);
        });

        Assert.Equal(16, most);
        Assert.Equal(Enumerable.Range(0, 1000), called.Order());
    }

    [Fact]
    public async Task A_failing_call_stops_nothing_and_its_failure_is_thrown_after_all_ran()
    {
        int ran = 0;
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedFanOut.RunAsync(Enumerable.Range(0, 100).ToList(), 4, async i =>
        {
            await Task.Yield();
            Interlocked.Increment(ref ran);
            if (i % 10 == 3)
            {
                throw new InvalidOperationException($"bed {i} failed");
            }
        }));

        Assert.Equal(100, ran);
        Assert.StartsWith("bed ", thrown.Message);
    }
}
