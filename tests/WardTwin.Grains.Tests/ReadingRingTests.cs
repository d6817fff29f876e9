namespace WardTwin.Grains.Tests;

public sealed class ReadingRingTests
{
    [Fact]
    public void Gives_back_the_latest_readings_oldest_first_to_the_millisecond_and_the_hundredth()
    {
        var ring = new ReadingRing(180);
        var added = new List<VitalsReading>();
        for (int k = 0; k < 500; k++)
        {
            // Day 6 at 1 Hz, values with more digits than a monitor shows; every 7th reading has an artefact.
            var r = new VitalsReading(144 + (k / 3600.0), 60 + (k * 0.123456), 120.987654, 70.5, 97.345678, 14.25, k % 7 == 0 ? "probeoff" : k % 11 == 0 ? "motion" : null);
            ring.Add(r);
            added.Add(r);
        }

        var last = ring.Last(180);
        Assert.Equal(180, last.Length);
        for (int i = 0; i < last.Length; i++)
        {
            var expected = added[500 - 180 + i];
            Assert.Equal(expected.SimTimeH, last[i].SimTimeH, 1e-3 / 3600);
            Assert.Equal(expected.HrPerMin, last[i].HrPerMin, 0.005 + 1e-9);
            Assert.Equal(expected.SbpMmHg, last[i].SbpMmHg, 0.005 + 1e-9);
            Assert.Equal(expected.Spo2Percent, last[i].Spo2Percent, 0.005 + 1e-9);
            Assert.Equal(expected.Artefact, last[i].Artefact);
        }

        Assert.Equal(3, ring.Last(3).Length);
        Assert.Equal(added[^1].SimTimeH, ring.Last(1)[0].SimTimeH, 1e-3 / 3600);
    }

    [Fact]
    public void A_clock_that_jumps_weeks_ahead_or_back_keeps_every_reading_time()
    {
        var ring = new ReadingRing(4);
        double[] times = [1, 1.5, 24 * 40, (24 * 40) + 0.25, 2];
        foreach (double t in times)
        {
            ring.Add(new VitalsReading(t, 80, 120, 70, 97, 14, null));
        }

        // 40 days is beyond the milliseconds an anchor reaches (24.8 days): the ring re-anchors and keeps the times it holds.
        Assert.Equal([1.5, 24 * 40, (24 * 40) + 0.25, 2], ring.Last(4).Select(r => Math.Round(r.SimTimeH, 6)));
    }

    [Fact]
    public void Out_of_range_values_are_clamped_not_wrapped()
    {
        var ring = new ReadingRing(2);
        ring.Add(new VitalsReading(0, -5, 900, double.NaN, 97, 14, null));
        var r = ring.Last(1)[0];
        Assert.Equal((0.0, 655.35, 0.0), (r.HrPerMin, r.SbpMmHg, r.DbpMmHg));
    }
}
