using MathNet.Numerics.Distributions;
using WardTwin.Model.Parameters;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Economics;

/// <summary>
/// Draws every parameter that has an uncertainty (see <see cref="ParameterUncertainty"/>), each from its own
/// stream keyed by (seed, draw, name): the same seed gives the same draws, and adding a parameter's
/// uncertainty does not move the others'. Draws outside the entry's min..max are drawn again (a truncated
/// distribution; clamped after 100 tries).
/// </summary>
public static class ParameterSampler
{
    public static IReadOnlyDictionary<string, double> Draw(ParameterFile file, long seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(file);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, entry) in file.Entries)
        {
            if (entry.Uncertainty is { } u)
            {
                var random = SeededRandomSource.For(seed, draw, StreamPurpose.ParameterDraws, name);
                values[name] = Truncated(entry, () => One(entry.Value, u, random));
            }
        }

        return values;
    }

    /// <summary>The names drawn, and the assumed ones held at their value because nothing gives them a spread.</summary>
    public static (IReadOnlyList<string> Drawn, IReadOnlyList<string> HeldAssumed) Coverage(ParameterFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var drawn = file.Entries.Where(e => e.Value.Uncertainty is not null).Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        var held = file.Entries.Where(e => e.Value.Uncertainty is null && e.Value.Fittable).Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        return (drawn, held);
    }

    private static double One(double value, ParameterUncertainty u, Random random) => u.Distribution switch
    {
        UncertaintyDistribution.Lognormal => value * Math.Exp(u.Spread * Normal.Sample(random, 0, 1)),
        UncertaintyDistribution.Normal => value + (u.Spread * Normal.Sample(random, 0, 1)),
        _ => Beta.Sample(random, value * u.N!.Value, (1 - value) * u.N!.Value),
    };

    private static double Truncated(ParameterEntry entry, Func<double> sample)
    {
        double lo = entry.Min ?? double.NegativeInfinity, hi = entry.Max ?? double.PositiveInfinity;
        double x = sample();
        for (int i = 0; i < 100 && (x < lo || x > hi); i++)
        {
            x = sample();
        }

        return Math.Clamp(x, lo, hi);
    }
}
