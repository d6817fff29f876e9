using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The live ward and the grain engine as a user starts them from the command line.</summary>
public sealed partial class RunAndGrainBenchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string FreePort() => TestPorts.Next().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Run_starts_a_ward_and_prints_a_status_line_whose_clock_moves()
    {
        var run = await Cli.Run(Timeout, "run", "--beds", "3", "--time-scale", "36000", "--for", "5", "--silo-port", FreePort(), "--gateway-port", FreePort());
        Assert.True(run.ExitCode == 0, run.ToString());
        var times = TimeRegex().Matches(run.Stdout).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(times.Length >= 3, run.ToString());
        Assert.True(times[^1] > times[0] + 10, $"the clock should move ~10 h a second: {string.Join(", ", times)}");
        Assert.Contains("beds 3/3", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--time-scale", "0", "--time-scale")]
    [InlineData("--time-scale", "fast", "--time-scale")]
    [InlineData("--protocol", "erasmus-8d", "unknown protocol id")]
    public async Task Run_refuses_bad_input_with_one_line(string option, string value, string named)
    {
        var run = await Cli.Run(Timeout, "run", option, value, "--for", "1", "--silo-port", FreePort(), "--gateway-port", FreePort());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Both_cohort_engines_write_the_same_bytes()
    {
        string grains = Cli.TempDir(), reference = Cli.TempDir();
        var a = await Cli.Run(Timeout, "cohort", "--protocol", "dahan-100h", "--patients", "500", "--seed", "8", "--out", grains);
        var b = await Cli.Run(Timeout, "cohort", "--protocol", "dahan-100h", "--patients", "500", "--seed", "8", "--engine", "reference", "--out", reference);
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a + "\n" + b);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(reference, "dahan-100h", "summary.json")),
            await File.ReadAllBytesAsync(Path.Combine(grains, "dahan-100h", "summary.json")));
    }

    [Fact]
    public async Task Bench_grains_writes_every_figure_it_promises()
    {
        string output = Path.Combine(Cli.TempDir(), "bench.json");
        var run = await Cli.Run(Timeout, "bench", "grains", "--patients", "300", "--live", "40", "--seconds", "9", "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        foreach (var field in new[] { "grain_admissions_per_s", "reference_admissions_per_s", "ratio", "peak_working_set_bytes", "bytes_per_live_admission", "live_admissions", "live_lag_p99_ms", "live_warmup_lag_max_ms" })
        {
            Assert.True(json[field] is not null, $"{field} missing from {output}");
        }

        Assert.Equal(40, (int)json["live_admissions"]!);

        // The first ticks (a new ward's warm-up) are reported apart: the percentiles come from the ticks after them.
        Assert.True(json["live_tick_lags_ms"]!.AsArray().Count > (int)json["live_warmup_ticks"]!);
        Assert.Equal(json["live_tick_lags_ms"]!.AsArray().Count - (int)json["live_warmup_ticks"]!, (int)json["live_ticks"]!);
        Assert.True((double)json["grain_admissions_per_s"]! > 0);

        // The memory figures were measured under these settings (docs/benchmarks.md): the silo's own runtimeconfig carries them.
        Assert.Equal("server GC, DATAS, target 10 % of time in GC", (string?)json["gc"]);
    }

    [GeneratedRegex(@"t=\s*([0-9.]+) h")]
    private static partial Regex TimeRegex();
}
