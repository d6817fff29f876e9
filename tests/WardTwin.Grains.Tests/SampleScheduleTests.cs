namespace WardTwin.Grains.Tests;

public sealed class SampleScheduleTests
{
    [Fact]
    public void Turns_that_run_late_keep_the_rate_each_reading_at_its_own_instant()
    {
        // 1 Hz from t = 500 ms. A grain timer re-arms one period after its turn ends, so turns that each start 300 ms late
        // would give a reading every 1.3 s; the schedule aims each turn at the next instant and owes what a late turn missed.
        var schedule = new SampleSchedule(500, 1000);
        var due = new long[SampleSchedule.MaxOwed];
        var taken = new List<long>();
        long now = 500 + 300;
        while (now < 60_500)
        {
            int n = schedule.TakeDue(now, due, out long skipped);
            Assert.Equal(0, skipped);
            taken.AddRange(due.AsSpan(0, n).ToArray());
            now += (long)schedule.DelayToNext(now).TotalMilliseconds + 300; // the timer fires on time, the turn starts 300 ms late
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(k => 500L + (k * 1000L)), taken);
    }

    [Fact]
    public void A_turn_several_periods_late_takes_the_readings_it_owes_and_a_long_stall_skips_the_oldest_counted()
    {
        var schedule = new SampleSchedule(0, 1000);
        var due = new long[SampleSchedule.MaxOwed];
        Assert.Equal(1, schedule.TakeDue(0, due, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), schedule.DelayToNext(0));

        // 3.2 s late: the instants at 1, 2 and 3 s, oldest first; nothing more until 4 s.
        Assert.Equal(3, schedule.TakeDue(3200, due, out long skipped));
        Assert.Equal(0, skipped);
        Assert.Equal([1000L, 2000, 3000], due[..3]);
        Assert.Equal(0, schedule.TakeDue(3900, due, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(100), schedule.DelayToNext(3900));

        // Stalled until 20.5 s: 17 instants owed (4..20 s); the newest five are taken, the twelve before them skipped.
        Assert.Equal(SampleSchedule.MaxOwed, schedule.TakeDue(20_500, due, out skipped));
        Assert.Equal(12, skipped);
        Assert.Equal([16_000L, 17_000, 18_000, 19_000, 20_000], due);
        Assert.Equal(TimeSpan.FromMilliseconds(500), schedule.DelayToNext(20_500));
    }

    [Fact]
    public void At_a_rate_that_does_not_divide_a_second_the_instants_do_not_drift()
    {
        var schedule = new SampleSchedule(0, 1000 / 3.0);
        var due = new long[SampleSchedule.MaxOwed];
        long count = 0;
        for (long now = 0; now <= 3_600_000; now += 1000)
        {
            count += schedule.TakeDue(now, due, out long skipped);
            Assert.Equal(0, skipped);
        }

        Assert.Equal((3 * 3600) + 1, count); // 3 Hz for an hour, both ends included
    }
}
