using WardTwin.Model.Randomness;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Percentile bootstrap of a total over responders (cost per responder): each resample draws n patients with
/// replacement and divides their summed totals by the responders among them. Resample b takes draws b·n .. b·n+n-1
/// of one seeded stream, so the resamples run in parallel and give, bit for bit, what one sequential walk gave:
/// at 300,000 patients the walk was 600 million draws, seconds of one core after the cohort had finished.
/// </summary>
internal static class ResponderBootstrap
{
    /// <summary>The resamples' ratios in resample order, leaving out resamples without a responder.</summary>
    public static double[] Ratios(double[] totals, bool[] responder, ulong key, int resamples)
    {
        int n = totals.Length;
        if (responder.Length != n)
        {
            throw new ArgumentException($"{responder.Length} responder flags for {n} totals", nameof(responder));
        }

        var ratios = new double[resamples];
        Parallel.For(0, resamples, b =>
        {
            var random = SeededRandom.After(key, (ulong)b * (ulong)n);
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int j = (int)(random.NextUInt64() % (ulong)n);
                sum += totals[j];
                count += responder[j] ? 1 : 0;
            }

            ratios[b] = count > 0 ? sum / count : double.NaN;
        });

        return Array.FindAll(ratios, r => !double.IsNaN(r));
    }
}
