using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Beyond loopback every state-changing call needs a token with the right role; garbage gets 400 and changes nothing.</summary>
public sealed class DashboardSecurityTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Bound_beyond_loopback_state_changes_need_a_token_with_the_right_role()
    {
        var tokens = new Dictionary<string, string> { ["WARDTWIN_Dashboard__TraineeToken"] = "t-secret", ["WARDTWIN_Dashboard__InstructorToken"] = "i-secret" };
        await using var silo = await RunningSilo.StartAsync(tokens, "0.0.0.0", "--beds", "2", "--time-scale", "600");
        string rate = silo.BaseUrl + "/api/patients/ward-1/0/rate";

        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync(silo.BaseUrl + "/api/wards/ward-1")).StatusCode);
        var none = await silo.Http.PostAsync(rate, Json("{\"rateMgPerH\": 5}"));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("access token", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        async Task<HttpResponseMessage> As(string token, string url, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await silo.Http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await As("wrong", rate, "{\"rateMgPerH\": 5}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As("t-secret", rate, "{\"rateMgPerH\": 5}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("t-secret", silo.BaseUrl + "/api/wards/ward-1/pause", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As("i-secret", silo.BaseUrl + "/api/wards/ward-1/pause", "{}")).StatusCode);
    }

    [Fact]
    public async Task Bound_beyond_loopback_without_tokens_the_dashboard_refuses_to_start()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Cli.SiloDll, "run", "--for", "20", "--silo-port", RunningSilo.FreePort().ToString(), "--gateway-port", RunningSilo.FreePort().ToString(), "--dashboard-url", $"http://0.0.0.0:{RunningSilo.FreePort()}" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        bool exited = process.WaitForExit(60_000);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the silo should refuse to run an open dashboard without tokens");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Dashboard:TraineeToken", await stderr + await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cross_site_calls_oversized_chunked_bodies_and_random_ids_are_refused_and_leave_nothing_behind()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "2", "--time-scale", "600");
        string rate = silo.BaseUrl + "/api/patients/ward-1/0/rate";

        // A page on another site can post text/plain without asking first: refused, and the pump keeps its rate.
        using (var plain = new StringContent("{\"rateMgPerH\": 9}", Encoding.UTF8, "text/plain"))
        {
            var r = await silo.Http.PostAsync(rate, plain);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Contains("application/json", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var evil = new HttpRequestMessage(HttpMethod.Post, rate) { Content = Json("{\"rateMgPerH\": 9}") })
        {
            evil.Headers.Add("Origin", "http://evil.example");
            var r = await silo.Http.SendAsync(evil);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Contains("evil.example", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var pump = System.Text.Json.Nodes.JsonNode.Parse(await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0"))!["pump"]!;
        Assert.NotEqual(9.0, (double)pump["rateMgPerH"]!);

        // 20 MB sent chunked (no length to check up front): Kestrel answers 413 at the 64 KiB limit and closes the
        // connection. HttpClient only reads a reply once it has sent everything, so a raw socket listens while sending.
        string answer = await ChunkedPost(new Uri(rate), 20_000_000);
        Assert.True(answer.StartsWith("HTTP/1.1 413", StringComparison.Ordinal), answer);
        Assert.Contains("over 64 KiB", answer, StringComparison.Ordinal);
        pump = System.Text.Json.Nodes.JsonNode.Parse(await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0"))!["pump"]!;
        Assert.NotEqual(9.0, (double)pump["rateMgPerH"]!);

        // Random ward and patient ids: 404 each, and no activation stays behind.
        long Created(string metrics, string type) => metrics.Split('\n')
            .Where(l => l.StartsWith("microsoft_orleans_orleans_catalog_activation_created{", StringComparison.Ordinal) && l.Contains($"grain_type=\"{type}\"", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"{silo.BaseUrl}/api/wards/nosuch{i}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"{silo.BaseUrl}/api/patients/nosuch{i}/0")).StatusCode);
        }

        // Created counts up while they come and go; what matters is what is still there: the activation count.
        string metrics = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        Assert.True(Created(metrics, "ward") >= 200, "the random ward ids were looked up");
        var counts = await Eventually(async () =>
        {
            string m = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
            long live = m.Split('\n').Where(l => l.StartsWith("microsoft_orleans_orleans_catalog_activations{", StringComparison.Ordinal) || l.StartsWith("microsoft_orleans_orleans_catalog_activation_count{", StringComparison.Ordinal))
                .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            return live < 100 ? live : (long?)null;
        });
        Assert.NotNull(counts);

        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync(silo.BaseUrl + "/alive")).StatusCode);
        var health = await silo.Http.GetAsync(silo.BaseUrl + "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_dashboard_port_already_in_use_is_one_line_not_a_stack_trace()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        int silos = RunningSilo.FreePort(), gateway = RunningSilo.FreePort();
        var run = await Cli.Run(TimeSpan.FromMinutes(2), "run", "--beds", "1", "--for", "5", "--silo-port", silos.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", gateway.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard-url", silo.BaseUrl);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {silo.BaseUrl} is already in use (another WardTwin or program listens there): choose another with --dashboard-url, --silo-port or --gateway-port", run.Stderr.Trim());
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_port_already_in_use_is_one_line_before_anything_starts()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var run = await Cli.Run(TimeSpan.FromMinutes(2), "run", "--beds", "1", "--for", "5", "--silo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", RunningSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard-url", $"http://127.0.0.1:{RunningSilo.FreePort()}");
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"error: 127.0.0.1:{port} is already in use (another WardTwin or program listens there): choose another with --dashboard-url, --silo-port or --gateway-port", run.Stderr.Trim());
        }
        finally
        {
            taken.Stop();
        }
    }

    /// <summary>Sends a JSON body of about <paramref name="bytes"/> bytes in 8 KiB chunks, reading the reply as it comes.</summary>
    private static async Task<string> ChunkedPost(Uri url, int bytes)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();
        var reply = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                reply.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        });
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = Encoding.ASCII.GetBytes("2000\r\n" + "{\"rateMgPerH\": \"" + new string('9', 8192 - 16) + "\r\n");
            for (int sent = 0; sent < bytes && !reading.IsCompleted; sent += 8192)
            {
                await stream.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server closed the connection on us: what it answered first is what counts.
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        return reply.ToString();
    }

    private static async Task<T?> Eventually<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return default;
    }
}
