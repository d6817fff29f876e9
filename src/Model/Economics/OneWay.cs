using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Economics;

/// <summary>
/// One-way sensitivity: each input moved alone to the ends of its documented range, everything else at base,
/// and the first protocol after the comparator measured against it (incremental cost, incremental T1
/// responders, ICER and incremental net monetary benefit at a willingness to pay). Prices go to their file's
/// low/high and alternatives (re-priced); parameters with an uncertainty to its 95 % interval, clipped to
/// min..max, and to the values the file lists under sensitivity (re-simulated). Rows sorted by the span of
/// the net benefit across low, base and high: the tornado.
/// </summary>
public static class OneWay
{
    public static IReadOnlyList<OneWayRow> Run(StrategyEvaluator evaluator, ParameterFile parameters, PriceList prices, double wtp)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(prices);
        if (evaluator.Protocols.Count < 2)
        {
            throw new ArgumentException("a one-way analysis needs two protocols (the comparator and another)");
        }

        Pair Measure(string key, ParameterFile file, PriceList list) => Compare(evaluator, key, file, list, wtp);

        var rows = new List<OneWayRow>();
        foreach (var (name, item) in prices.Items.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            if (item.Low is double lo && item.High is double hi)
            {
                rows.Add(new OneWayRow($"price {name}", item.Value, lo, hi, Measure("base", parameters, With(prices, name, lo)), Measure("base", parameters, With(prices, name, hi)), item.RangeSource));
            }

            if (item.AlternativeFor is { } main)
            {
                double v = prices[main];
                rows.Add(new OneWayRow($"price {main} = {name}", v, item.Value, item.Value, Measure("base", parameters, With(prices, main, item.Value)), Measure("base", parameters, With(prices, main, item.Value)), item.Source));
            }
        }

        foreach (var (name, entry) in parameters.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var values = new List<double>();
            if (entry.Uncertainty is { } u)
            {
                var (lo, hi) = u.Interval95(entry.Value);
                values.AddRange([Math.Clamp(lo, entry.Min ?? double.NegativeInfinity, entry.Max ?? double.PositiveInfinity), Math.Clamp(hi, entry.Min ?? double.NegativeInfinity, entry.Max ?? double.PositiveInfinity)]);
            }

            values.AddRange(entry.Sensitivity ?? []);
            if (values.Count == 0)
            {
                continue;
            }

            double low = values.Min(), high = values.Max();
            rows.Add(new OneWayRow($"parameter {name}", entry.Value, low, high,
                Measure($"{name}={low}", parameters.WithOverrides(new Dictionary<string, double> { [name] = low }, "one-way"), prices),
                Measure($"{name}={high}", parameters.WithOverrides(new Dictionary<string, double> { [name] = high }, "one-way"), prices),
                entry.Uncertainty?.Source ?? entry.Note ?? entry.Source));
        }

        // Widest span of net benefit first, the base included: an alternative with one value moves it from the base.
        double centre = Measure("base", parameters, prices).IncrementalNetBenefit;
        return rows.OrderByDescending(r => r.Span(centre)).ToArray();
    }

    /// <summary>The comparison at base values, for the tornado's centre line.</summary>
    public static Pair Base(StrategyEvaluator evaluator, ParameterFile parameters, PriceList prices, double wtp)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Compare(evaluator, "base", parameters, prices, wtp);
    }

    /// <summary>The second protocol against the first under one parameter set and price list.</summary>
    private static Pair Compare(StrategyEvaluator evaluator, string key, ParameterFile parameters, PriceList prices, double wtp)
    {
        var r = evaluator.Evaluate(key, parameters, prices);
        double dc = r[1].Cost - r[0].Cost, de = r[1].Effect - r[0].Effect;
        return new Pair(dc, de, Math.Abs(de) < 1e-12 ? null : dc / de, (wtp * de) - dc);
    }

    private static PriceList With(PriceList prices, string item, double value)
    {
        var items = new Dictionary<string, PriceItem>(prices.Items, StringComparer.Ordinal) { [item] = prices.Items[item] with { Value = value } };
        return prices with { Items = items };
    }
}

/// <summary>A protocol against the comparator: incremental cost and T1 responders per patient, ICER, and net benefit at the willingness to pay.</summary>
public sealed record Pair(double DeltaCost, double DeltaEffect, double? Icer, double IncrementalNetBenefit);

/// <summary>One input moved alone: its base, low and high values, the comparison at each end, and where the range comes from.</summary>
public sealed record OneWayRow(string Input, double Base, double Low, double High, Pair AtLow, Pair AtHigh, string? Source)
{
    /// <summary>How far the net benefit moves across low, base and high.</summary>
    public double Span(double atBase) =>
        Math.Max(atBase, Math.Max(AtLow.IncrementalNetBenefit, AtHigh.IncrementalNetBenefit)) - Math.Min(atBase, Math.Min(AtLow.IncrementalNetBenefit, AtHigh.IncrementalNetBenefit));
}
