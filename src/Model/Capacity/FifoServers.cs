namespace WardTwin.Model.Capacity;

/// <summary>
/// First come, first served on c identical servers (beds), in event time: each arrival starts at the first admission
/// slot at or after both its arrival and the earliest free server, and holds it for its own service time. Exact for
/// FIFO without pre-emption; nothing is snapped to a tick.
/// </summary>
public static class FifoServers
{
    /// <param name="slot">The first time at or after t when an admission may start (every instant for M/M/c).</param>
    public static QueueRun Run(int servers, IReadOnlyList<(double ArrivalH, double ServiceH)> patients, Func<double, double> slot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        var free = new PriorityQueue<int, double>();
        for (int s = 0; s < servers; s++)
        {
            free.Enqueue(s, 0);
        }

        var starts = new double[patients.Count];
        double busyH = 0;
        for (int i = 0; i < patients.Count; i++)
        {
            var (arrival, service) = patients[i];
            free.TryDequeue(out int server, out double freeAt);
            double start = slot(Math.Max(arrival, freeAt));
            starts[i] = start;
            busyH += service;
            free.Enqueue(server, start + service);
        }

        return new QueueRun(starts, busyH);
    }
}

/// <summary>When each patient started, and the server-hours their services took.</summary>
public sealed record QueueRun(double[] StartsH, double BusyH);
