using WardTwin.Model.Outcomes;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Tests;

/// <summary>The cost-per-responder bootstrap cut into parallel resamples gives what one sequential walk of its stream gave.</summary>
public sealed class ResponderBootstrapTests
{
    [Fact]
    public void A_stream_after_k_draws_continues_where_the_walk_stood()
    {
        var walk = new SeededRandom(SeededRandom.Key(7, -1, 101));
        for (int i = 0; i < 12_345; i++)
        {
            walk.NextUInt64();
        }

        var jumped = SeededRandom.After(SeededRandom.Key(7, -1, 101), 12_345);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(walk.NextUInt64(), jumped.NextUInt64());
        }
    }

    [Fact]
    public void Parallel_resamples_equal_the_sequential_walk_bit_for_bit()
    {
        int n = 2_000;
        var source = new SeededRandom(99);
        var totals = Enumerable.Range(0, n).Select(_ => Math.Round(source.NextDouble() * 20_000, 2)).ToArray();

        // Few responders, so that some resamples have none and are left out, as the walk left them out.
        var responder = Enumerable.Range(0, n).Select(_ => source.NextDouble() < 0.002).ToArray();
        ulong key = SeededRandom.Key(3, -1, 102);

        var expected = new List<double>();
        var random = new SeededRandom(key);
        for (int b = 0; b < 300; b++)
        {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int j = (int)(random.NextUInt64() % (ulong)n);
                sum += totals[j];
                count += responder[j] ? 1 : 0;
            }

            if (count > 0)
            {
                expected.Add(sum / count);
            }
        }

        var ratios = ResponderBootstrap.Ratios(totals, responder, key, 300);

        Assert.InRange(expected.Count, 1, 299); // the case with resamples left out is exercised
        Assert.Equal(expected, ratios);
    }
}
