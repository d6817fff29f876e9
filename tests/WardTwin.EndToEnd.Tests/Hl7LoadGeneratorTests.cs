using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The load generator's `hl7` verb against python3-hl7: a short run, every message built is ACKed, none dropped, the rate offered is the rate ACKed.</summary>
[Collection(TimingGroup.Name)]
public sealed class Hl7LoadGeneratorTests
{
    [Fact]
    public async Task A_short_hl7_load_run_accounts_for_every_message_and_reports_ACK_latency()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync();
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1");
        string report = Path.Combine(Cli.TempDir(), "hl7.json");
        var result = await Cli.RunProgram(Cli.LoadDll, TimeSpan.FromMinutes(2), null,
            "hl7", "--beds", "20", "--hl7", receiver.Address, "--duration", "24s", "--gateway-port", silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silo-pid", silo.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", report);
        Assert.True(result.ExitCode == 0, result.ToString());
        var r = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.Equal((long)r["built"]!, (long)r["acked"]!);
        Assert.Equal(0, (long)r["dropped"]!);
        Assert.InRange((double)r["acked_per_second"]!, 32, 48); // 20 beds x 2 devices, one report a second each
        Assert.True((double)r["ack_p99_ms"]! > 0 && (double)r["ack_p999_ms"]! >= (double)r["ack_p99_ms"]!);
        Assert.Equal((long)r["built"]!, receiver.Messages().Count);
    }
}
