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

        if (prices.Psa is { } psa && (psa.PriceCv is < 0 or > 2 || psa.Draws is < 10 or > 100_000))
        {
            throw new DataFileException(file, "psa", "price_cv must be within 0..2 and draws within 10..100000");
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
