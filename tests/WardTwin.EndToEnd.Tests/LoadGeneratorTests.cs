using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The load generator as a load tester runs it against a silo on this machine.</summary>
[Collection(TimingGroup.Name)]
public sealed class LoadGeneratorTests
{
    private static async Task<(int Exit, string Out, string Err)> Load(params string[] args)
    {
        var r = await Cli.RunProgram(Cli.LoadDll, TimeSpan.FromMinutes(3), null, args);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    [Fact]
    public async Task A_30_second_run_at_a_small_rate_reads_the_pushed_stream_with_no_gaps_and_its_report_has_every_field()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        string output = Path.Combine(Cli.TempDir(), "load.json");
        var (exit, stdout, stderr) = await Load("--admissions", "50", "--hz", "2", "--duration", "30s", "--gateway-port", silo.GatewayPort.ToString(), "--silo-pid", silo.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("readings/s", stdout, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        Assert.Contains("sample instant", (string)report["measured"]!, StringComparison.Ordinal);
        var step = report["steps"]!.AsArray().Single()!;
        foreach (var field in new[] { "monitors", "readings_per_second", "vitals_per_second", "latency_p50_ms", "latency_p90_ms", "latency_p99_ms", "latency_p999_ms", "latency_max_ms", "latency_count_with_backfill", "readings", "warmup_readings", "dropped_readings", "out_of_order_readings", "monitors_seen", "batches", "alarms", "alarm_latency_p99_ms", "silo_cpu_percent", "silo_memory_bytes", "silo_stats_from", "offered_readings_per_second", "achieved_share", "monitor_lag_p99_ms", "verdict" })
        {
            Assert.True(step[field] is not null, $"{field} missing");
        }

        Assert.Equal(50, (int)step["monitors"]!);
        Assert.Equal(50, (int)step["monitors_seen"]!);
        Assert.Equal(0, (long)step["dropped_readings"]!);
        Assert.Equal(0, (long)step["out_of_order_readings"]!);
        Assert.Equal("process", (string)step["silo_stats_from"]!);
        Assert.InRange((double)step["readings_per_second"]!, 50 * 2 * 0.8, 50 * 2 * 1.2);
        Assert.True((long)step["readings"]! > 2000, "thousands of distinct sample instants, not a handful");
        Assert.True((double)step["latency_p99_ms"]! < 2000, "a light load should arrive well within 2 s");
        Assert.True((long)step["silo_memory_bytes"]! > 0);
        Assert.Null(step["error"]);
        Assert.Equal(100, (double)step["offered_readings_per_second"]!, 6);
        // Monitors on a schedule fixed on the wall clock: a light load gets all it offered, no monitor behind by more than a period or so.
        Assert.InRange((double)step["achieved_share"]!, 0.95, 1.05);
        Assert.Equal(0, (long)step["monitors_silent"]!);
        Assert.True((double)step["monitor_lag_p99_ms"]! < 1500, $"monitors behind their schedule: p99 {step["monitor_lag_p99_ms"]} ms");
        if ((string)step["verdict"]! == "sustained")
        {
            Assert.Equal(50, (int)report["highest_sustained_monitors"]!);
        }
        else
        {
            Assert.StartsWith("shortfall: ", (string)step["verdict"]!, StringComparison.Ordinal);
            Assert.Contains("shortfall", stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--duration", "11m", "--duration")]
    [InlineData("--admissions", "0", "--admissions")]
    [InlineData("--cluster", "postgres", "--db")]
    [InlineData("--cluster", "redis", "--cluster")]
    public async Task Bad_options_are_refused_with_one_line(string option, string value, string named)
    {
        var (exit, _, stderr) = await Load(option, value, "--out", Path.Combine(Cli.TempDir(), "x.json"));
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_silo_to_reach_it_says_so_in_one_line_without_a_stack_trace()
    {
        int nothing = RunningSilo.FreePort();
        var (exit, stdout, stderr) = await Load("--gateway-port", nothing.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", "5s", "--out", Path.Combine(Cli.TempDir(), "x.json"));
        Assert.Equal(3, exit);
        Assert.StartsWith($"error: could not connect to a silo gateway on localhost:{nothing}", stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
