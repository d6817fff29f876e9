using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// tests/peers/fhir/server.mjs as a process: Medplum's FHIR router on its in-memory repository (npm), a FHIR R4 server
/// nobody here wrote, receiving WardTwin's Bundles and searched by the test.
/// </summary>
public sealed class MedplumFhirServer : IAsyncDisposable
{
    private readonly Process _process;

    private MedplumFhirServer(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="failFirst">The first N Bundles are answered with failStatus (a server that is briefly down, or refuses them).</param>
    /// <param name="retryAfterS">When given, those answers carry Retry-After with these seconds.</param>
    public static async Task<MedplumFhirServer> StartAsync(int failFirst = 0, int failStatus = 503, int? retryAfterS = null)
    {
        int port = RunningSilo.FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(Cli.RepositoryRoot, "tests", "peers", "fhir"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--fail-first", failFirst.ToString(System.Globalization.CultureInfo.InvariantCulture), failStatus.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        if (retryAfterS is { } after)
        {
            start.ArgumentList.Add("--retry-after");
            start.ArgumentList.Add(after.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var process = Process.Start(start)!;
        var ready = process.StandardOutput.ReadLineAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(60))) != ready || ready.Result is not { } line || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"the FHIR server did not start (npm ci in tests/peers/fhir?): {await stderr}");
        }

        return new MedplumFhirServer(process, port);
    }

    /// <summary>A search's Bundle (searchset).</summary>
    public async Task<JsonObject> SearchAsync(string query) => (await Http.GetFromJsonAsync<JsonObject>($"{BaseUrl}/{query}"))!;

    public async Task<int> TotalAsync(string query) => (await SearchAsync(query + (query.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "_total=accurate&_count=1000"))["entry"]?.AsArray().Count ?? 0;

    /// <summary>Bundles received, the most entries one had, and when (server's clock, ms) each told-to-fail post was refused.</summary>
    public async Task<(int Bundles, int MaxEntries, long[] RefusedAtMs)> StatsAsync()
    {
        var s = (await Http.GetFromJsonAsync<JsonObject>($"{BaseUrl}/_stats"))!;
        return ((int)s["bundles"]!, (int)s["maxEntries"]!, [.. s["refusedAtMs"]!.AsArray().Select(t => (long)t!)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }
}
