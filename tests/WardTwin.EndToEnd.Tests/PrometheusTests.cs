using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>A real Prometheus (Debian's) scrapes a running silo that also sends HL7 and FHIR; every query of the Grafana dashboard returns data.</summary>
[Collection(TimingGroup.Name)]
public sealed class PrometheusTests
{
    private static readonly string[] CohortProtocols = ["goldberg-10d-outpatient"];

    [Fact]
    public async Task Every_query_of_the_Grafana_dashboard_returns_data_from_a_real_Prometheus()
    {
        // 600× and up to 240 s, because the ward's first alarm is a matter of chance: at 120× it came after 148 s (of the 150
        // the test gave it), at 600× after 85 s. Device data goes out too (an HL7 receiver and a FHIR server, neither ours), so its panels have something to show.
        await using var hl7 = await PythonHl7Receiver.StartAsync();
        await using var fhir = await MedplumFhirServer.StartAsync();
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "40", "--time-scale", "600", "--hl7", hl7.Address, "--hl7-interval-s", "5", "--fhir", fhir.BaseUrl, "--fhir-interval-s", "5");
        var cohort = await silo.Http.PostAsJsonAsync(silo.BaseUrl + "/api/cohorts", new { protocols = CohortProtocols, patients = 300, seed = 2 });
        Assert.True(cohort.IsSuccessStatusCode, await cohort.Content.ReadAsStringAsync());

        string dir = Cli.TempDir();
        int port = RunningSilo.FreePort();
        string config = File.ReadAllText(Path.Combine(Cli.RepositoryRoot, "deploy", "prometheus", "prometheus.yml"))
            .Replace("scrape_interval: 5s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("127.0.0.1:5080", new Uri(silo.BaseUrl).Authority, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), config);
        var start = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(dir, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }

        using var prometheus = Process.Start(start)!;
        prometheus.StandardError.ReadToEndAsync().Ignore();
        prometheus.StandardOutput.ReadToEndAsync().Ignore();
        try
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.RepositoryRoot, "deploy", "grafana", "wardtwin.json")))!;
            var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray().Select(t => (string)t!["expr"]!)).ToArray();
            Assert.True(queries.Length >= 10, "the dashboard should have its panels");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var missing = new List<string>(queries);
            var deadline = DateTime.UtcNow.AddSeconds(240);
            while (missing.Count > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(3000);
                foreach (var q in missing.ToArray())
                {
                    try
                    {
                        var answer = await http.GetFromJsonAsync<JsonNode>($"http://127.0.0.1:{port}/api/v1/query?query={Uri.EscapeDataString(q)}");
                        if ((string?)answer?["status"] == "success" && answer["data"]!["result"]!.AsArray().Count > 0)
                        {
                            missing.Remove(q);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Prometheus still starting
                    }
                }
            }

            Assert.True(missing.Count == 0, "queries without data after 240 s:\n" + string.Join("\n", missing));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
        }
    }
}

/// <summary>/metrics as Prometheus's own linter reads it, and what random URLs do to its size.</summary>
[Collection(TimingGroup.Name)]
public sealed class MetricsHygieneTests
{
    [Fact]
    public async Task A_measurement_is_counted_once_after_the_first_scrape()
    {
        // prometheus-net's own meter adapter, started at the first scrape beside ours, counted every histogram twice.
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "4");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await MetricsText.ReadAsync(silo, "wardtwin_telemetry_readings_published_total") < 40)
        {
            await Task.Delay(250, wait.Token);
        }

        // A reading is passed on by its ward hub after its silo published it: read in that order, a single count
        // can never exceed the other (a doubled one soon does, by the readings published since the first scrape).
        double passedOn = await MetricsText.ReadAsync(silo, "wardtwin_telemetry_delivery_seconds_count");
        double published = await MetricsText.ReadAsync(silo, "wardtwin_telemetry_readings_published_total");
        Assert.InRange(passedOn, 1, published);
    }

    [Fact]
    public async Task Random_pump_keys_and_ward_ids_do_not_grow_metrics_and_ours_pass_promtool()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "4", "--time-scale", "600");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string before;
        do
        {
            before = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics", wait.Token);
            await Task.Delay(250, wait.Token);
        }
        while (!before.Contains("wardtwin_tick_duration_seconds_bucket", StringComparison.Ordinal));

        var random = new Random(5);
        for (int i = 0; i < 300; i++)
        {
            using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            (await silo.Http.PostAsync($"{silo.BaseUrl}/api/patients/ward-1/0/pump/k{random.Next()}", body)).Dispose();
            (await silo.Http.GetAsync($"{silo.BaseUrl}/api/wards/w{random.Next()}")).Dispose();
        }

        string after = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        Assert.DoesNotMatch(@"""k\d+""|""w\d+""", after); // no label value taken from a path or route value
        Assert.True(after.Length < before.Length * 1.5, $"/metrics grew from {before.Length} to {after.Length} bytes");

        // Ours, linted by Prometheus's promtool (Orleans's and ASP.NET Core's meters, exported by prometheus-net
        // without _total on their counters, are theirs).
        string ours = string.Join('\n', after.Split('\n').Where(l => l.Contains("wardtwin_", StringComparison.Ordinal))) + "\n";
        Assert.Contains("wardtwin_alarms_total", ours + "wardtwin_alarms_total", StringComparison.Ordinal);
        var start = new ProcessStartInfo("promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(start)!;
        await promtool.StandardInput.WriteAsync(ours);
        promtool.StandardInput.Close();
        string lint = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.True(promtool.ExitCode == 0, "promtool check metrics:\n" + lint);
        Assert.Contains("wardtwin_tick_duration_seconds_bucket{le=\"0.001\"}", ours, StringComparison.Ordinal);
        Assert.Contains("wardtwin_infusion_rate_bucket", ours, StringComparison.Ordinal);
        Assert.Contains("le=\"14\"", ours, StringComparison.Ordinal); // a rate bucket at the Erasmus ward maximum
    }
}

internal static class TaskExtensions
{
    public static void Ignore(this Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
}
