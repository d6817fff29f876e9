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
    public async Task A_30_second_run_at_a_small_rate_completes_and_its_report_has_every_field()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        string output = Path.Combine(Cli.TempDir(), "load.json");
        var (exit, stdout, stderr) = await Load("--admissions", "50", "--hz", "2", "--duration", "30s", "--gateway-port", silo.GatewayPort.ToString(), "--out", output);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("readings/s", stdout, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        var step = report["steps"]!.AsArray().Single()!;
        foreach (var field in new[] { "monitors", "readings_per_second", "vitals_per_second", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "latency_max_ms", "alarms", "alarm_latency_p99_ms", "dropped_readings", "late_readings", "silo_cpu_percent", "silo_memory_bytes" })
        {
            Assert.True(step[field] is not null, $"{field} missing");
        }

        Assert.Equal(50, (int)step["monitors"]!);
        Assert.InRange((double)step["readings_per_second"]!, 50 * 2 * 0.8, 50 * 2 * 1.2);
        Assert.True((double)step["latency_p99_ms"]! < 2000, "a light load should arrive well within 2 s");
        Assert.True((long)step["silo_memory_bytes"]! > 0);
        Assert.True(report.AsObject().ContainsKey("highest_sustained_monitors") && report.AsObject().ContainsKey("highest_sustained_vitals_per_s"));
        if ((double)step["latency_p99_ms"]! <= 1000)
        {
            Assert.Equal(50, (int)report["highest_sustained_monitors"]!);
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
