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

    [Theory]
    [InlineData("/api/patients/ward-1/0/rate", "not json at all", "not valid JSON")]
    [InlineData("/api/patients/ward-1/0/rate", "[1, 2]", "JSON object")]
    [InlineData("/api/patients/ward-1/0/rate", "{\"rateMgPerH\": \"fast\"}", "rateMgPerH: must be a number")]
    [InlineData("/api/patients/ward-1/0/rate", "{\"rateMgPerH\": -3}", "rateMgPerH")]
    [InlineData("/api/patients/ward-1/0/midazolam", "{\"doseMg\": 50}", "doseMg")]
    [InlineData("/api/wards/ward-1/time-scale", "{\"timeScale\": 0}", "timeScale")]
    [InlineData("/api/wards/ward-1/start", "{\"beds\": 2.5}", "beds")]
    [InlineData("/api/cohorts", "{\"protocols\": \"erasmus-7d\"}", "protocols")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"x/../../etc\"]}", "protocols[0]")]
    [InlineData("/api/patients/ward-1/0/pump/explode", "{}", "action")]
    public async Task Garbage_requests_get_400_with_the_reason_and_change_nothing(string path, string body, string named)
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");

        // Wait for the ward's first tick to start the infusion; in real time nothing else changes for hours.
        string before = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        for (var deadline = DateTime.UtcNow.AddSeconds(20); Pump(before) == "0" && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            before = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        }

        var response = await silo.Http.PostAsync(silo.BaseUrl + path, Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        Assert.Equal(Pump(before), Pump(after));
    }

    private static string Pump(string patientJson) => System.Text.Json.Nodes.JsonNode.Parse(patientJson)!["pump"]!["rateMgPerH"]!.ToJsonString();
}
