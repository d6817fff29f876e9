using System.Globalization;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// The planner's question over years, as issue 21's command asks it (fewer draws and patients): four protocols in one
/// population for 5 years with retreatment, QALYs as the effect, a budget for 60 patients a year; the decision, value of
/// information and budget written, the same bytes from both engines.
/// </summary>
public sealed class DecisionCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private static readonly string[] Protocols = ["erasmus-7d", "goldberg-10d-outpatient", "ketcrps2-inpatient-6d", "ketcrps2-outpatient-6x6h"];

    [Fact]
    public async Task Five_years_of_four_protocols_write_a_decision_value_of_information_and_a_budget_the_same_from_both_engines()
    {
        string grains = Cli.TempDir(), reference = Cli.TempDir();
        foreach (var (engine, dir) in new[] { ("grains", grains), ("reference", reference) })
        {
            var run = await Cli.Run(Timeout, [
                "cohort", .. Protocols.SelectMany(p => new[] { "--protocol", p }), "--cohort", "erasmus-2021", "--patients", "200", "--horizon-years", "5",
                "--psa", "40", "--psa-patients", "60", "--effect", "qalys", "--budget-impact", "60", "--engine", engine, "--out", dir]);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        foreach (var file in new[] { "psa.csv", "psa_wide.csv", Path.Combine("erasmus-7d", "patients.csv"), Path.Combine("ketcrps2-outpatient-6x6h", "summary.json") })
        {
            Assert.True(File.ReadAllText(Path.Combine(reference, file)) == File.ReadAllText(Path.Combine(grains, file)), $"{file} differs between the engines");
        }

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(grains, "comparison.json")))!;
        Assert.Equal("qalys_5y_discounted", (string)document["psa"]!["effect"]!);
        var decision = document["decision"]!;
        Assert.Equal("EUR", (string)decision["currency"]!);
        Assert.Equal([20_000d, 50_000d, 80_000d], decision["thresholds"]!.AsArray().Select(t => (double)t!));
        string recommended = (string)decision["recommended"]!;
        Assert.Contains(recommended, Protocols);
        double p = (double)decision["probability_cost_effective"]!;
        Assert.InRange(p, 0, 1);
        string words = (string)decision["in_words"]!;
        Assert.StartsWith($"{recommended} ", words, StringComparison.Ordinal);
        Assert.Contains("at 20,000 EUR per QALY", words, StringComparison.Ordinal);
        Assert.Contains($"the probability it is the cost-effective choice is {p.ToString("0.00", CultureInfo.InvariantCulture)}", words, StringComparison.Ordinal);

        // The recommended option has the highest net monetary benefit; a dominant choice gets no (negative) ratio.
        var nmb = decision["net_monetary_benefit"]!.AsObject().ToDictionary(x => x.Key, x => (double)x.Value!);
        Assert.Equal(nmb.MaxBy(x => x.Value).Key, recommended);
        if ((string?)decision["quadrant_vs_comparator"] is "SouthEast" or "NorthWest")
        {
            Assert.Null(decision["icer_vs_comparator"]);
        }

        Assert.Equal(3, decision["at_thresholds"]!.AsArray().Count);
        double evpi = (double)decision["evpi_per_patient"]!;
        Assert.True(evpi >= 0);
        Assert.Equal(5, decision["evppi"]!.AsArray().Count);
        foreach (var g in decision["evppi"]!.AsArray())
        {
            // A group's partial value never exceeds perfect information on everything (within its regression's error), or it says why it has none.
            if (g!["per_patient"] is { } v)
            {
                Assert.True((double)v <= evpi + (2 * (double)g["standard_error"]!) + 0.01, $"{g["group"]}: EVPPI {v} > EVPI {evpi}");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty((string?)g["why_not"]), $"{g["group"]}: neither a value nor a reason");
            }
        }

        var budget = document["budget_impact"]!;
        Assert.Equal(60, (double)budget["patients_per_year"]!);
        Assert.False((bool)budget["discounted"]!);
        Assert.Equal(4, budget["strategies"]!.AsArray().Count);
        foreach (var s in budget["strategies"]!.AsArray())
        {
            var years = s!["cost_by_year"]!.AsArray().Select(y => (double)y!).ToArray();
            Assert.Equal(5, years.Length);
            Assert.All(years, y => Assert.True(y > 0));
            Assert.InRange((double)s["total"]! - years.Sum(), -3, 3); // each figure rounded to the unit
        }

        // Each protocol followed 5 years: courses counted, QALYs discounted below undiscounted, more than one course on Erasmus.
        foreach (var id in Protocols)
        {
            var horizon = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(grains, id, "summary.json")))!["horizon"]!;
            Assert.Equal(5, (double)horizon["years"]!);
            Assert.True((double)horizon["courses_per_patient"]! >= 1);
            Assert.True((double)horizon["qalys_per_patient_discounted"]! < (double)horizon["qalys_per_patient"]!, id);
            Assert.InRange((double)horizon["qalys_per_patient"]!, 1, 5);
        }

        var erasmus = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(grains, "erasmus-7d", "summary.json")))!["horizon"]!;
        Assert.True((double)erasmus["courses_per_patient"]! > 1.2, $"{erasmus["courses_per_patient"]} courses: relief fades in about 100 days, so five years retreat");
        string header = File.ReadLines(Path.Combine(grains, "erasmus-7d", "patients.csv")).First();
        Assert.Contains("horizon_", header, StringComparison.Ordinal);

        var report = await Cli.Run(Timeout, "report", "--no-pdf", grains);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("renderDecision(", await File.ReadAllTextAsync(Path.Combine(grains, "report.html")), StringComparison.Ordinal);
    }
}
