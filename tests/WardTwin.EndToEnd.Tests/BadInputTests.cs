using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Bad input: a non-zero exit, one line naming the file, field and reason, and no partial summary.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static async Task<(CliResult Run, string Out)> Cohort(params string[] extra)
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, ["cohort", "--patients", "50", "--out", Path.Combine(dir, "out"), .. extra]);
        return (run, Path.Combine(dir, "out"));
    }

    private static void AssertRefused(CliResult run, string outDir, params string[] mustName)
    {
        Assert.True(run.ExitCode != 0, run.ToString());
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one error line:\n{run.Stderr}");
        foreach (var word in mustName)
        {
            Assert.Contains(word, lines[0], StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir, "summary.json", SearchOption.AllDirectories).Any(), "no summary may be written");
    }

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Cli.TempDir(), name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonObject Erasmus() => JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.RepositoryRoot, "data", "protocols", "erasmus-7d.json")))!.AsObject();

    [Fact]
    public async Task An_unknown_protocol_id_is_named_and_nothing_is_computed_even_for_the_good_one()
    {
        var (run, dir) = await Cohort("--protocol", "erasmus-7d", "--protocol", "erasmus-8d");
        AssertRefused(run, dir, "erasmus-8d", "unknown protocol id");
    }

    [Fact]
    public async Task A_malformed_protocol_file_is_named()
    {
        string file = Write("broken.json", "{ \"id\": \"broken\", \"product\": ");
        var (run, dir) = await Cohort("--protocol", file);
        AssertRefused(run, dir, file);
    }

    [Fact]
    public async Task A_start_rate_above_the_protocols_own_hard_limit_is_named()
    {
        var p = Erasmus();
        p["rate"]!["start"] = 15;
        string file = Write("too-fast.json", p.ToJsonString());
        var (run, dir) = await Cohort("--protocol", file);
        AssertRefused(run, dir, file, "rate.start", "hard limit");
    }

    [Fact]
    public async Task A_negative_patient_count_is_refused()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "-5", "--out", dir);
        AssertRefused(run, dir, "--patients", "-5");
    }

    [Fact]
    public async Task A_malformed_price_file_is_named()
    {
        string file = Write("prices.json", "{\"region\": \"xx\", \"currency\": \"EUR\", \"price_year\": 2022, \"source\": \"t\", \"items\": {}}");
        var (run, dir) = await Cohort("--protocol", "erasmus-7d", "--prices", file);
        AssertRefused(run, dir, file, "items.inpatient_day", "missing");
    }

    [Fact]
    public async Task A_cohort_file_with_a_bad_field_is_named()
    {
        string data = Cli.TempDir();
        foreach (var sub in new[] { "protocols", "cohorts", "prices", "params" })
        {
            Directory.CreateDirectory(Path.Combine(data, sub));
        }

        File.Copy(Path.Combine(Cli.RepositoryRoot, "data", "protocols", "erasmus-7d.json"), Path.Combine(data, "protocols", "erasmus-7d.json"));
        File.Copy(Path.Combine(Cli.RepositoryRoot, "data", "prices", "nl.json"), Path.Combine(data, "prices", "nl.json"));
        File.Copy(Path.Combine(Cli.RepositoryRoot, "data", "params", "default.json"), Path.Combine(data, "params", "default.json"));
        File.WriteAllText(Path.Combine(data, "cohorts", "erasmus-2021.json"), "{\"id\": \"erasmus-2021\", \"source\": \"t\", \"female_fraction\": {\"value\": 1.4}, \"baseline_nrs\": {\"median\": 8, \"iqr\": 2}}");
        var (run, dir) = await Cohort("--protocol", "erasmus-7d", "--data", data);
        AssertRefused(run, dir, "erasmus-2021.json", "female_fraction.value");
    }
}
