using MathNet.Numerics.Distributions;
using WardTwin.Model.Costs;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Economics;

/// <summary>
/// Draws every price of a list from a gamma distribution with the list's mean and coefficient of variation
/// (costs.md), each item from its own stream keyed by (seed, draw, item); a price of 0 stays 0.
/// </summary>
public static class PriceSampler
{
    public static PriceList Draw(PriceList prices, long seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(prices);
        double cv = prices.Psa?.PriceCv ?? throw new InvalidOperationException($"price list {prices.Region} has no psa settings (price_cv)");
        double shape = 1 / (cv * cv);
        var items = prices.Items.ToDictionary(
            i => i.Key,
            i => i.Value.Value <= 0 || cv <= 0 ? i.Value
                : i.Value with { Value = Gamma.Sample(SeededRandomSource.For(seed, draw, StreamPurpose.PriceItemDraws, i.Key), shape, shape / i.Value.Value) },
            StringComparer.Ordinal);
        return prices with { Items = items };
    }
}
