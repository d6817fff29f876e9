using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// tests/peers/hl7_receiver.py as a process: Debian's python3-hl7 parses every message WardTwin sends over MLLP and
/// answers with its own ACK. A test reads what it parsed (one JSON line per message), kills it (SIGKILL, as a crashed
/// engine) and starts it again on the same port, or starts it refusing (AR) or slow.
/// </summary>
public sealed class PythonHl7Receiver : IAsyncDisposable
{
    private readonly string _log;
    private Process? _process;

    private PythonHl7Receiver(int port, string log)
    {
        Port = port;
        _log = log;
    }

    public int Port { get; }

    public string Address => $"mllp://127.0.0.1:{Port}";

    public static async Task<PythonHl7Receiver> StartAsync(string ack = "AA", int delayMs = 0)
    {
        var receiver = new PythonHl7Receiver(RunningSilo.FreePort(), Path.Combine(Cli.TempDir(), "received.jsonl"));
        await receiver.RestartAsync(ack, delayMs);
        return receiver;
    }

    /// <summary>Starts it (again) on its port, answering with the given code after the given delay.</summary>
    public async Task RestartAsync(string ack = "AA", int delayMs = 0)
    {
        Kill();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(Cli.RepositoryRoot, "tests", "peers", "hl7_receiver.py"), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ack", ack, "--delay-ms", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log", _log })
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        var stderr = _process.StandardError.ReadToEndAsync();
        var done = await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20)));
        if (done != ready || ready.Result is not { } line || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            Kill();
            throw new InvalidOperationException($"hl7_receiver.py did not start: {await stderr}");
        }
    }

    /// <summary>SIGKILL: the receiver vanishes at once, its connections reset.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>What python-hl7 parsed so far, one object per message (msh9, msh10, msh12, msh21, pid3, pv1_3, obx[], t).</summary>
    public List<JsonObject> Messages()
    {
        if (!File.Exists(_log))
        {
            return [];
        }

        using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var list = new List<JsonObject>();
        while (reader.ReadLine() is { } line)
        {
            if (line.EndsWith('}'))
            {
                list.Add(JsonNode.Parse(line)!.AsObject());
            }
        }

        return list;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
