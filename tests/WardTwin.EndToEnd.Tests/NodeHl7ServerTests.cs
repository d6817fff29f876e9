using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// A second MLLP receiver nobody here wrote: node-hl7-server (npm, tests/peers/node-hl7) parses every PCD-01 and ACKs
/// it. It handles (and ACKs) the previous message again when the next one arrives on a connection; the sender passes
/// over an ACK naming another message, so nothing is retried or sent twice.
/// </summary>
[Collection(TimingGroup.Name)]
public sealed class NodeHl7ServerTests
{
    [Fact]
    public async Task Node_hl7_server_parses_every_PCD01_of_a_2_bed_ward_and_nothing_is_retried_or_sent_twice()
    {
        int port = RunningSilo.FreePort();
        string log = Path.Combine(Cli.TempDir(), "node-hl7.jsonl");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(Cli.RepositoryRoot, "tests", "peers", "node-hl7"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture), log })
        {
            start.ArgumentList.Add(a);
        }

        using var node = Process.Start(start)!;
        try
        {
            var ready = node.StandardOutput.ReadLineAsync();
            string? line = await ready.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(line?.StartsWith("listening", StringComparison.Ordinal) == true, "node-hl7-server did not start (npm ci in tests/peers/node-hl7?)");
            await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "2", "--hl7", $"mllp://127.0.0.1:{port}", "--hl7-interval-s", "2");
            List<JsonObject> got = [];
            await Eventually.Holds(async () =>
            {
                got = File.Exists(log) ? [.. File.ReadAllLines(log).Where(l => l.EndsWith('}')).Select(l => JsonNode.Parse(l)!.AsObject())] : [];
                await Task.CompletedTask;
                return (got.Count >= 16, $"{got.Count} messages");
            }, "16 PCD-01 parsed by node-hl7-server", 60);

            Assert.All(got, m => Assert.Equal(("ORU^R01", "2.6"), ((string)m["msh9"]!, (string)m["msh12"]!)));
            var hr = got.SelectMany(m => m["obx"]!.AsArray()).Where(o => (string)o!["id"]! == "147842").ToList();
            Assert.NotEmpty(hr);
            Assert.All(hr, o => Assert.Equal(("1.1.1.1", "/min"), ((string)o!["sub"]!, (string)o["ucum"]!)));
            // node-hl7-server hands an earlier message to its handler again when the next one arrives (it logs it twice and
            // ACKs it twice); the sender wrote each once: no retries, and every distinct MSH-10 it parsed was ACKed.
            Assert.Equal(0, await MetricsText.ReadAsync(silo, "wardtwin_hl7_retries_total"));
            Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_hl7_acks_total", "code=\"AA\"") >= got.Select(m => (string)m["msh10"]!).Distinct().Count() - 4);
            Assert.Equal(0, await MetricsText.ReadAsync(silo, "wardtwin_hl7_dropped_total"));
        }
        finally
        {
            node.Kill();
            await node.WaitForExitAsync();
        }
    }
}
