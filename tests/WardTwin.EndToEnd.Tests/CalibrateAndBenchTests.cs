using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

public sealed class CalibrateAndBenchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static string DefaultParams => Path.Combine(Cli.RepositoryRoot, "data", "params", "default.json");

    [Fact]
    public async Task Calibrate_moves_only_assumed_parameters_and_writes_its_fit_table()
    {
        string output = Path.Combine(Cli.TempDir(), "fitted.json");
        var run = await Cli.Run(Timeout, "calibrate", "--params", DefaultParams, "--out", output, "--evaluations", "4");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("| target | published | 95 % interval | simulated | residual | inside |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Erasmus responders at T1", run.Stdout, StringComparison.Ordinal);

        var before = JsonNode.Parse(await File.ReadAllTextAsync(DefaultParams))!["parameters"]!.AsObject();
        var after = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        var fitted = after["parameters"]!.AsObject();
        foreach (var (name, entry) in before)
        {
            if (!(bool)entry!["assumed"]!)
            {
                Assert.Equal((double)entry["value"]!, (double)fitted[name]!["value"]!);
            }

            Assert.Equal((string)entry["source"]!, (string)fitted[name]!["source"]!);
        }

        var table = after["fit"]!["targets"]!.AsArray();
        Assert.True(table.Count >= 20);
        Assert.All(table, row => Assert.NotNull(row!["simulated"]));
    }

    [Fact]
    public async Task Calibrate_refuses_a_parameter_file_that_breaks_the_format()
    {
        string bad = Path.Combine(Cli.TempDir(), "bad.json");
        await File.WriteAllTextAsync(bad, "{\"parameters\": {\"pain.emax\": {\"value\": 0.5}}}");
        var run = await Cli.Run(Timeout, "calibrate", "--params", bad, "--out", bad + ".out");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(bad, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(bad + ".out"));
    }

    [Fact]
    public async Task Bench_model_prints_admissions_per_second()
    {
        var run = await Cli.Run(Timeout, "bench", "model", "--seconds", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^model: \d+ admissions/s$", run.Stdout);
    }
}
