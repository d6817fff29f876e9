namespace WardTwin.Grains;

/// <summary>
/// A monitor's sampling instants, fixed on the wall clock: anchor + k × period. A grain timer schedules its next tick
/// one period after the last tick completed, so a silo that runs its turns late would stretch every period and the
/// monitor would quietly fall behind its rate; here each tick takes the instants it owes since the last one (each
/// reading stamped with its own instant, as a monitor's own clock would), and the timer is aimed at the next instant.
/// A monitor more than <see cref="MaxOwed"/> instants behind skips the oldest: they still use up sequence numbers, so
/// a subscriber counts them as dropped and nothing is lost silently.
/// </summary>
public sealed class SampleSchedule(long anchorUnixMs, double periodMs)
{
    /// <summary>At most this many readings in one turn (a stall of a few seconds at 1 Hz is caught up; a longer one is not).</summary>
    public const int MaxOwed = 5;

    private long _next;

    public double PeriodMs => periodMs;

    /// <summary>The instants due by <paramref name="nowUnixMs"/> not yet taken, oldest first, at most <see cref="MaxOwed"/>; <paramref name="skipped"/> those given up.</summary>
    public int TakeDue(long nowUnixMs, Span<long> into, out long skipped)
    {
        // The last instant at or before now (a hair of tolerance, so an instant at exactly now counts at any period).
        long due = (long)Math.Floor(((nowUnixMs - anchorUnixMs) / periodMs) + 1e-9);
        skipped = 0;
        if (due < _next)
        {
            return 0;
        }

        long owed = due - _next + 1;
        if (owed > MaxOwed)
        {
            skipped = owed - MaxOwed;
            _next += skipped;
            owed = MaxOwed;
        }

        int n = (int)Math.Min(owed, into.Length);
        for (int i = 0; i < n; i++)
        {
            into[i] = InstantOf(_next + i);
        }

        _next += n;
        return n;
    }

    /// <summary>How long from <paramref name="nowUnixMs"/> until the next instant not yet taken (zero when it is already due).</summary>
    public TimeSpan DelayToNext(long nowUnixMs) => TimeSpan.FromMilliseconds(Math.Max(0, InstantOf(_next) - nowUnixMs));

    private long InstantOf(long k) => anchorUnixMs + (long)Math.Round(k * periodMs);
}
