using System.Text.Json;

namespace WardTwin.EndToEnd.Tests;

/// <summary>`capacity` as a planner runs it: files written, figures printed, bad input refused with one line.</summary>
public sealed class CapacityCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Beds_and_chairs_are_answered_for_each_protocol_with_intervals_and_what_a_target_wait_needs()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "capacity", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients-per-year", "60",
            "--beds", "1", "--chairs", "3", "--years", "3", "--replications", "5", "--target-wait-days", "14", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        // One bed for 60 week-long stays a year (about 1.15 bed-years) is overloaded, and is said to be, not given a mean wait as if it settled.
        Assert.Contains("erasmus-7d: 1 bed, 60 patients a year, 5 x 3 years: overloaded: demand exceeds capacity, the queue grows without bound", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("goldberg-10d-outpatient: 3 chairs, 60 patients a year, 5 x 3 years: mean wait", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("target 14 days: met on", run.Stdout, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "capacity.json")));
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var erasmus = results[0];
        Assert.Equal("beds", erasmus.GetProperty("resource").GetString());
        Assert.True(erasmus.GetProperty("needed_for_target_wait").GetInt32() >= 2, "one bed cannot take 60 week-long stays a year");
        Assert.True(erasmus.GetProperty("overloaded").GetBoolean());
        Assert.StartsWith("overloaded: demand exceeds capacity, the queue grows without bound", erasmus.GetProperty("overloaded_in_words").GetString(), StringComparison.Ordinal);
        Assert.False(erasmus.GetProperty("target_met_on_mean_wait").GetBoolean());
        Assert.True(erasmus.GetProperty("needed_for_target_p90_wait").GetInt32() >= erasmus.GetProperty("needed_for_target_wait").GetInt32());
        var goldberg = results[1];
        Assert.False(goldberg.GetProperty("overloaded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, goldberg.GetProperty("overloaded_in_words").ValueKind);
        var wait = erasmus.GetProperty("summary").EnumerateArray().Single(e => e.GetProperty("measure").GetString() == "mean_wait");
        Assert.True(wait.GetProperty("low").GetDouble() <= wait.GetProperty("mean").GetDouble() && wait.GetProperty("mean").GetDouble() <= wait.GetProperty("high").GetDouble());
        var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "capacity.csv"));
        Assert.Equal(1 + (2 * 5), csv.Length);
        Assert.EndsWith(",offered_load", csv[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--patients-per-year", "0", "--patients-per-year: must be a number > 0, got 0")]
    [InlineData("--opening", "sundays", "--opening: 'sundays' is not weekdays or all")]
    [InlineData("--beds", "0", "--beds: must be a whole number >= 1, got 0")]
    public async Task Bad_input_is_refused_with_one_line_and_nothing_written(string option, string value, string reason)
    {
        string dir = Path.Combine(Cli.TempDir(), "out");
        var args = new List<string> { "capacity", "--protocol", "erasmus-7d", "--patients-per-year", "60", "--out", dir };
        int i = args.IndexOf(option);
        if (i >= 0)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = await Cli.Run(Timeout, [.. args]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
