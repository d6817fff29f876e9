using System.Globalization;
using System.Text.Json.Nodes;

namespace WardTwin.Silo.Cli;

/// <summary>A bench figure over several runs: the median with the lowest and highest (runs on a noisy machine).</summary>
internal sealed record Spread(double Median, double Lowest, double Highest, int Runs)
{
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a spread needs at least one run", nameof(values));
        }

        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[^1], n);
    }

    public JsonObject ToJson() => new()
    {
        ["median"] = Math.Round(Median, 1),
        ["lowest"] = Math.Round(Lowest, 1),
        ["highest"] = Math.Round(Highest, 1),
        ["runs"] = Runs,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:0} ({Lowest:0}-{Highest:0})");
}
