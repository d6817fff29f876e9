using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The dashboard on its own, as an Orleans client of a running silo's gateway.</summary>
public sealed class StandaloneDashboardTests
{
    [Fact]
    public async Task The_dashboard_as_a_separate_client_sees_and_drives_the_silos_ward()
    {
        int gateway = RunningSilo.FreePort();
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "2", "--time-scale", "600", "--gateway-port-override", gateway.ToString());
        int port = RunningSilo.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "WardTwin.Dashboard.dll"), "--urls", $"http://127.0.0.1:{port}", "--Dashboard:GatewayPort", silo.GatewayPort.ToString() })
        {
            start.ArgumentList.Add(a);
        }

        using var dashboard = Process.Start(start)!;
        dashboard.StandardOutput.ReadToEndAsync().Ignore();
        dashboard.StandardError.ReadToEndAsync().Ignore();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            JsonNode? status = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (status is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    status = await http.GetFromJsonAsync<JsonNode>($"http://127.0.0.1:{port}/api/wards/ward-1");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.NotNull(status);
            Assert.Equal(2, (int)status!["occupied"]!);
            var reply = await http.PostAsJsonAsync($"http://127.0.0.1:{port}/api/patients/ward-1/1/rate", new { rateMgPerH = 7 });
            Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
            var seenBySilo = await silo.Http.GetFromJsonAsync<JsonNode>(silo.BaseUrl + "/api/patients/ward-1/1");
            Assert.Equal(7, (double)seenBySilo!["pump"]!["rateMgPerH"]!);
        }
        finally
        {
            dashboard.Kill(entireProcessTree: true);
        }
    }
}
