using System.Diagnostics;

namespace WardTwin.Hosting;

/// <summary>
/// The system clock with monotonic timestamps counted from this process's start instead of the machine's boot.
/// Orleans's watchdog (10.x) starts its platform thread before it sets the component check's first timestamp;
/// when that thread runs first (a busy two-core machine) it measures from timestamp 0 and warns "Participant
/// check thread has not completed for" the machine's uptime. Counted from process start, that false reading is
/// seconds and under the warning's threshold; every difference of timestamps, and so every real stall, is unchanged.
/// </summary>
public sealed class ProcessClock : TimeProvider
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - _start;
}
