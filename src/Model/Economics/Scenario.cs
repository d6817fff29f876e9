using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Economics;

/// <summary>A named set of overrides run together: prices and model parameters (re-simulated when any parameter changes).</summary>
public sealed record Scenario(string Name, IReadOnlyDictionary<string, double> Prices, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>Every protocol's mean cost and T1 responders under the scenario, in the evaluator's order.</summary>
    public (double Cost, double Effect)[] Evaluate(StrategyEvaluator evaluator, ParameterFile parameters, PriceList prices)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(prices);
        var items = new Dictionary<string, PriceItem>(prices.Items, StringComparer.Ordinal);
        foreach (var (name, value) in Prices)
        {
            items[name] = items.TryGetValue(name, out var item)
                ? item with { Value = value }
                : throw new ArgumentException($"--scenario {Name}: price item '{name}' is not in the {prices.Region} prices (known: {string.Join(", ", prices.Items.Keys.Order(StringComparer.Ordinal))})");
        }

        var file = Parameters.Count == 0 ? parameters : parameters.WithOverrides(Parameters, $"--scenario {Name}");
        string key = Parameters.Count == 0 ? "base" : "scenario " + string.Join(",", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return evaluator.Evaluate(key, file, prices with { Items = items });
    }
}
