namespace WardTwin.Grains;

/// <summary>
/// The running part of a planner job: units 0..Total-1 started at most Window ahead of what the reader has taken,
/// kept until read, and handed out in order. The window is the back-pressure: a slow reader stops new units, so a
/// job's memory is bounded by the window, never by the run. Lives on the job grain's scheduler (one thread at a
/// time), so it needs no locks.
/// </summary>
/// <param name="inFlight">Units running at once at the most (the rest of the window waits): enough to keep a cluster's cores
/// busy, few enough that a stopping silo has few calls to refuse.</param>
internal sealed class JobWindow<T>(int total, int window, int inFlight, Func<int, Task<T>> run)
    where T : class
{
    private readonly Dictionary<int, T> _done = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;
    private int _taken;
    private int _running;
    private bool _stopped;

    /// <summary>Units read by the reader plus those finished and waiting.</summary>
    public int Completed => _taken + _done.Count;

    public Exception? Failure { get; private set; }

    /// <summary>No more units are wanted (cancelled, or read to the end).</summary>
    public bool Stopped => _stopped;

    /// <summary>Lets go of the units before <paramref name="from"/> (read) and waits up to <paramref name="wait"/> for unit <paramref name="from"/>.</summary>
    public async Task<List<T>> ReadAsync(int from, int maxUnits, TimeSpan wait)
    {
        for (int i = _taken; i < from; i++)
        {
            _done.Remove(i);
        }

        _taken = Math.Max(_taken, from);
        _next = Math.Max(_next, from);
        Fill();

        // Other units may finish first: wait on until this one has, or the wait is over (then the reader asks again).
        using var timeout = new CancellationTokenSource(wait);
        while (!_done.ContainsKey(from) && Failure is null && !_stopped && from < total && !timeout.IsCancellationRequested)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(Timeout.Infinite, timeout.Token));
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var units = new List<T>();
        for (int i = from; i < total && units.Count < maxUnits && _done.TryGetValue(i, out var unit); i++)
        {
            units.Add(unit);
        }

        return units;
    }

    /// <summary>Starts no more units; those running finish and are dropped.</summary>
    public void Stop()
    {
        _stopped = true;
        _done.Clear();
        _changed.TrySetResult();
    }

    private void Fill()
    {
        while (!_stopped && Failure is null && _next < total && _next < _taken + window && _running < inFlight)
        {
            _running++;
            _ = RunOne(_next++);
        }
    }

    private async Task RunOne(int unit)
    {
        try
        {
            var result = await run(unit);
            if (!_stopped && unit >= _taken)
            {
                _done[unit] = result;
            }
        }
        catch (Exception ex)
        {
            Failure ??= ex;
        }

        _running--;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        Fill();
    }
}
