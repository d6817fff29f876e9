using System.Diagnostics;

namespace WardTwin.EndToEnd.Tests;

/// <summary>`wardtwin run` as a background process with its dashboard on a free loopback port; killed on dispose.</summary>
public sealed class RunningSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private RunningSilo(Process process, string baseUrl, int gatewayPort, int siloPort, string wardId)
    {
        _process = process;
        BaseUrl = baseUrl;
        GatewayPort = gatewayPort;
        SiloPort = siloPort;
        WardId = wardId;
    }

    /// <summary>This silo's port: Orleans names a silo by it (a ward's status says which silo hosts it).</summary>
    public int SiloPort { get; }

    /// <summary>The silo's process id (the load generator reads its CPU and memory from it).</summary>
    public int ProcessId => _process.Id;

    public string WardId { get; }

    /// <summary>SIGKILL: the silo dies at once, as on a lost machine (no graceful shutdown, no migration).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public bool Hosts(string siloIdentity) => siloIdentity.Contains($":{SiloPort}:", StringComparison.Ordinal);

    public string BaseUrl { get; }

    /// <summary>Where Orleans clients (the standalone dashboard, the load generator) join this silo.</summary>
    public int GatewayPort { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RunningSilo> StartAsync(IDictionary<string, string>? environment = null, string host = "127.0.0.1", params string[] runArgs)
    {
        int port = FreePort();
        int gateway = FreePort();
        var args = runArgs.ToList();
        int over = args.IndexOf("--gateway-port-override");
        if (over >= 0)
        {
            gateway = int.Parse(args[over + 1], System.Globalization.CultureInfo.InvariantCulture);
            args.RemoveRange(over, 2);
        }

        int siloPort = FreePort();
        int siloOver = args.IndexOf("--silo-port-override");
        if (siloOver >= 0)
        {
            siloPort = int.Parse(args[siloOver + 1], System.Globalization.CultureInfo.InvariantCulture);
            args.RemoveRange(siloOver, 2);
        }

        int wardArg = args.IndexOf("--ward");
        string wardId = wardArg >= 0 ? args[wardArg + 1] : "ward-1";

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Cli.SiloDll, "run", "--for", "900", "--silo-port", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--gateway-port", gateway.ToString(), "--dashboard-url", $"http://{host}:{port}" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var process = Process.Start(start)!;
        var silo = new RunningSilo(process, $"http://127.0.0.1:{port}", gateway, siloPort, wardId);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"wardtwin run exited with {process.ExitCode}:\n{silo.Output}");
            }

            try
            {
                if ((await silo.Http.GetAsync(silo.BaseUrl + "/api/wards/" + wardId)).IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        await silo.DisposeAsync();
        throw new TimeoutException($"the dashboard did not answer within 90 s:\n{silo.Output}");
    }

    public static int FreePort() => TestPorts.Next();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
