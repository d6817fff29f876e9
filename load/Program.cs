using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WardTwin.Cluster;
using WardTwin.Grains;
using WardTwin.Load;

var admissions = new Option<int>("--admissions") { Description = "Monitors (one per admission) on the load ward; with --ramp, the first step", DefaultValueFactory = _ => 1000 };
var hz = new Option<double>("--hz") { Description = "Monitor sample rate (readings per second, 4 vitals each)", DefaultValueFactory = _ => 1 };
var duration = new Option<string>("--duration") { Description = "How long to run, e.g. 60s or 2m (at most 10 minutes)", DefaultValueFactory = _ => "60s" };
var ramp = new Option<bool>("--ramp") { Description = "Double the monitors each step until a step is not sustained (what arrived short of what the monitors' schedule offered, a reading dropped, or p99 above 250 ms); report the highest sustained rate" };
var cluster = new Option<string>("--cluster") { Description = "embedded (a silo's gateway on this machine, see --gateway-port) or postgres (the cluster in --db / WARDTWIN_DB)", DefaultValueFactory = _ => "embedded" };
var db = new Option<string?>("--db") { Description = $"PostgreSQL connection string for --cluster postgres (default: ${ClusterSettings.DatabaseVariable})" };
var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's id (as given to its silos)", DefaultValueFactory = _ => ClusterSettings.DefaultClusterId };
var gateway = new Option<int>("--gateway-port") { Description = "Gateway port of the silo (wardtwin run: 30000)", DefaultValueFactory = _ => 30000 };
var protocol = new Option<string>("--protocol") { Description = "Protocol of the load ward's patients", DefaultValueFactory = _ => "erasmus-7d" };
var siloPid = new Option<int?>("--silo-pid") { Description = "Process id of the silo on this machine: CPU and memory from the process itself (default: Orleans's smoothed statistics)" };
var output = new Option<string>("--out") { Description = "JSON report", Required = true };
var root = new RootCommand("WardTwin load generator: drives real-time wards through a cluster and measures the telemetry path")
{
    admissions, hz, duration, ramp, cluster, db, clusterId, gateway, protocol, siloPid, output,
};
root.SetAction(async (r, cancel) =>
{
    try
    {
        var settings = ClusterSettings.Resolve(r.GetValue(cluster), r.GetValue(db), r.GetValue(clusterId));
        var options = new LoadOptions(r.GetValue(admissions), r.GetValue(hz), Durations.Parse(r.GetValue(duration)!), r.GetValue(ramp),
            r.GetValue(cluster)!, r.GetValue(gateway), r.GetValue(protocol)!, r.GetValue(output)!, r.GetValue(siloPid));
        Validate(options);
        return await Run(options, settings, cancel);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine($"error: {ex.Message}");
        return 2;
    }
    catch (NoClusterException ex)
    {
        Console.Error.WriteLine($"error: {ex.Message}");
        return 3;
    }
});
root.Subcommands.Add(Hl7LoadCommand.Create());
root.Subcommands.Add(MllpReceiveCommand.Create());
return await root.Parse(args).InvokeAsync();

static void Validate(LoadOptions o)
{
    if (o.Admissions is < 1 or > 100_000)
    {
        throw new ArgumentException($"--admissions: {o.Admissions} is outside 1..100000");
    }

    if (o.Hz is <= 0 or > 50)
    {
        throw new ArgumentException("--hz must be within (0, 50]");
    }

    if (o.SiloPid is { } pid && !ProcessExists(pid))
    {
        throw new ArgumentException($"--silo-pid: no process {pid} on this machine");
    }
}

static bool ProcessExists(int pid)
{
    try
    {
        using var p = System.Diagnostics.Process.GetProcessById(pid);
        return !p.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}

static async Task<int> Run(LoadOptions options, ClusterSettings settings, CancellationToken cancel)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);

    // Connection failures are reported once, below; Orleans's own retries and the host's start failure would print stack traces.
    builder.Logging.AddFilter("Orleans", LogLevel.Critical);
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
    if (settings.Mode == ClusterMode.Postgres)
    {
        try
        {
            await DatabaseCheck.EnsureReadyAsync(settings, cancel);
        }
        catch (DatabaseUnavailableException ex)
        {
            throw new NoClusterException(ex.Message);
        }
    }

    builder.UseOrleansClient(c => ClusterClient.Configure(c, settings, options.GatewayPort, TimeSpan.FromSeconds(10)));
    using var host = builder.Build();
    try
    {
        using var connect = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(connect.Token);
    }
    catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
    {
        string where = settings.Mode == ClusterMode.Embedded ? $"a silo gateway on localhost:{options.GatewayPort}" : $"a gateway of cluster '{settings.ClusterId}' listed in {settings.Where}";
        throw new NoClusterException($"could not connect to {where} ({Errors.OneLine(ex)}); start a silo first (WardTwin.Silo run)");
    }

    var run = new LoadRun(host.Services.GetRequiredService<IClusterClient>(), options);
    var steps = new List<LoadStep>();
    var started = DateTime.UtcNow;
    if (!options.Ramp)
    {
        steps.Add(await run.RunStepAsync(options.Admissions, options.Duration, cancel));
    }
    else
    {
        // Each step holds long enough for thousands of distinct sample instants: at least 30 s.
        var stepDuration = TimeSpan.FromSeconds(Math.Max(30, options.Duration.TotalSeconds / 5));
        for (int n = options.Admissions; DateTime.UtcNow - started + stepDuration <= options.Duration + TimeSpan.FromSeconds(1) && n <= 100_000; n *= 2)
        {
            var step = await run.RunStepAsync(n, stepDuration, cancel);
            steps.Add(step);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} monitors: {step.ReadingsPerSecond:0} of {step.OfferedReadingsPerSecond:0} readings/s offered, {step.VitalsPerSecond:0} vitals/s, p99 {step.LatencyP99Ms:0} ms: {step.Verdict}"));
            if (!step.Sustained)
            {
                break;
            }
        }
    }

    var sustained = steps.Where(s => s.Sustained).ToArray();
    var report = new JsonObject
    {
        ["cluster"] = options.Cluster,
        ["hz"] = options.Hz,
        ["ramp"] = options.Ramp,
        ["duration_s"] = options.Duration.TotalSeconds,
        ["measured"] = "latency of each reading from its sample instant on the monitor (wall clock) to its arrival at this subscriber of the ward's telemetry hub, HdrHistogram with coordinated-omission back-fill at the sample interval; alarms from the sample that raised them; the first quarter of each step (at most 5 s) is warm-up; offered = monitors x hz, achieved = readings sampled in the window that arrived, over the window; a step is sustained when achieved is within 2 % of offered, nothing is dropped and p99 <= 250 ms, else a shortfall",
        ["steps"] = JsonSerializer.SerializeToNode(steps, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }),
        ["highest_sustained_monitors"] = sustained.Length == 0 ? null : sustained.Max(s => s.Monitors),
        ["highest_sustained_vitals_per_s"] = sustained.Length == 0 ? null : Math.Round(sustained.Max(s => s.VitalsPerSecond), 1),
    };
    await File.WriteAllTextAsync(options.Output, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancel);
    Console.WriteLine($"{"monitors",9} {"offered/s",10} {"readings/s",11} {"lag p99",8} {"vitals/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"p99.9 ms",9} {"max ms",8} {"alarms",7} {"alarm p99",10} {"dropped",8} {"reorder",8} {"silo cpu%",10} {"silo MB",8}");
    foreach (var s in steps)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Monitors,9} {s.OfferedReadingsPerSecond,10:0} {s.ReadingsPerSecond,11:0} {s.MonitorLagP99Ms,8:0} {s.VitalsPerSecond,9:0} {s.LatencyP50Ms,8:0} {s.LatencyP90Ms,8:0} {s.LatencyP99Ms,8:0} {s.LatencyP999Ms,9:0} {s.LatencyMaxMs,8:0} {s.Alarms,7} {s.AlarmLatencyP99Ms,10:0} {s.DroppedReadings,8} {s.OutOfOrderReadings,8} {s.SiloCpuPercent,10:0} {s.SiloMemoryBytes / 1e6,8:0}"));
    }

    foreach (var s in steps.Where(s => !s.Sustained))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Monitors} monitors at {s.Hz} Hz: {s.Verdict}"));
    }

    Console.WriteLine($"wrote {options.Output}");
    if (steps.FirstOrDefault(s => s.Error is not null) is { } failed)
    {
        Console.Error.WriteLine($"error: the run stopped at {failed.Monitors} monitors: {failed.Error} (the report holds what was measured until then)");
        await host.StopAsync(CancellationToken.None);
        return 4;
    }

    await host.StopAsync(CancellationToken.None);
    return 0;
}
