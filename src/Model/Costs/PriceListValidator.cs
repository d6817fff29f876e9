using WardTwin.Model.Data;

namespace WardTwin.Model.Costs;

/// <summary>Checks that a price file has every item the cost model uses, each a non-negative number with a source.</summary>
public static class PriceListValidator
{
    public static void Validate(PriceList prices, string file)
    {
        if (string.IsNullOrWhiteSpace(prices.Currency))
        {
            throw new DataFileException(file, "currency", "must not be empty");
        }

        if (prices.Conventions is { } c && (c.DiscountCosts is < 0 or > 0.2 || c.DiscountEffects is < 0 or > 0.2 || c.DefaultHorizonYears is < 1 or > 5 || c.ThresholdsPerQaly.Any(t => !(t > 0))))
        {
            throw new DataFileException(file, "conventions", "discount rates must be within 0..0.2, default_horizon_years 1..5, thresholds > 0");
        }

        if (prices.Psa is { } psa && psa.PriceCv is < 0 or > 2)
        {
            throw new DataFileException(file, "psa.price_cv", $"must be within 0..2, is {psa.PriceCv}");
        }

        foreach (var (name, item) in prices.Items)
        {
            if (!PriceList.KnownItems.Contains(name))
            {
                throw new DataFileException(file, $"items.{name}", $"unknown price item: no cost rule uses it (known: {string.Join(", ", PriceList.KnownItems.Order(StringComparer.Ordinal))})");
            }

            if (item.Value < 0 || !double.IsFinite(item.Value))
            {
                throw new DataFileException(file, $"items.{name}.value", $"must be a finite number >= 0, is {item.Value}");
            }

            if ((item.Low is double lo && (lo < 0 || lo > item.Value)) || (item.High is double hi && hi < item.Value) || ((item.Low ?? item.High) is not null && string.IsNullOrWhiteSpace(item.RangeSource)))
            {
                throw new DataFileException(file, $"items.{name}", "low must be within 0..value and high at least the value, with their range_source");
            }

            if (item.AlternativeFor is { } main && !prices.Items.ContainsKey(main))
            {
                throw new DataFileException(file, $"items.{name}.alternative_for", $"'{main}' is not an item of this file");
            }
        }

        foreach (var item in PriceList.RequiredItems)
        {
            if (!prices.Items.TryGetValue(item, out var price))
            {
                throw new DataFileException(file, $"items.{item}", "missing");
            }

            if (price.Value < 0 || !double.IsFinite(price.Value))
            {
                throw new DataFileException(file, $"items.{item}.value", $"must be a finite number >= 0, is {price.Value}");
            }
        }
    }
}
