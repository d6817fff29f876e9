using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WardTwin.Cluster;
using WardTwin.DeviceData;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.Load;

/// <summary>`hl7`: the device-data HL7 output at scale against an MLLP receiver; prints and writes what it sustained.</summary>
public static class Hl7LoadCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Command Create()
    {
        var beds = new Option<int>("--beds") { Description = "Beds on the load ward (a monitor and a pump each)", DefaultValueFactory = _ => 2000 };
        var hl7 = new Option<string>("--hl7") { Description = "The MLLP receiver, mllp://HOST:PORT", Required = true };
        var interval = new Option<double>("--interval-s") { Description = "Seconds between a device's PCD-01 reports", DefaultValueFactory = _ => 1 };
        var connections = new Option<string>("--connections") { Description = "per-device or gateway", DefaultValueFactory = _ => "per-device" };
        connections.AcceptOnlyFromAmong("per-device", "gateway");
        var gatewayConnections = new Option<int>("--gateway-connections") { Description = "Connections in gateway mode", DefaultValueFactory = _ => 4 };
        var duration = new Option<string>("--duration") { Description = "How long, e.g. 60s or 2m (at most 10 minutes)", DefaultValueFactory = _ => "60s" };
        var gateway = new Option<int>("--gateway-port") { Description = "Gateway port of the silo (wardtwin run: 30000)", DefaultValueFactory = _ => 30000 };
        var protocol = new Option<string>("--protocol") { Description = "Protocol of the load ward's patients", DefaultValueFactory = _ => "erasmus-7d" };
        var siloPid = new Option<int?>("--silo-pid") { Description = "The silo's process id, for its CPU" };
        var receiverPid = new Option<int?>("--receiver-pid") { Description = "The receiver's process id, for its CPU" };
        var output = new Option<string>("--out") { Description = "JSON report", Required = true };
        var command = new Command("hl7", "Drive PCD-01/PCD-04 over MLLP from a real-time ward at scale; report messages/s, ACK latency p50/p99/p99.9, retries and drops")
        {
            beds, hl7, interval, connections, gatewayConnections, duration, gateway, protocol, siloPid, receiverPid, output,
        };
        command.SetAction(async (r, cancel) =>
        {
            Hl7LoadOptions o;
            try
            {
                o = new Hl7LoadOptions(r.GetValue(beds), MllpEndpoint.Parse(r.GetValue(hl7)!).ToString(), r.GetValue(interval), r.GetValue(connections)!, r.GetValue(gatewayConnections), Durations.Parse(r.GetValue(duration)!), r.GetValue(protocol)!, r.GetValue(siloPid), r.GetValue(receiverPid));
                if (o.Beds is < 1 or > 50_000 || o.IntervalS is < 1 or > 3600)
                {
                    throw new ArgumentException("--beds must be within 1..50000 and --interval-s within 1..3600");
                }
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Orleans", LogLevel.Critical);
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
            builder.Services.AddMetrics();
            builder.Services.AddSingleton<DeviceDataMetrics>();
            builder.UseOrleansClient(c => ClusterClient.Configure(c, ClusterSettings.Embedded, r.GetValue(gateway), TimeSpan.FromSeconds(10)));
            using var host = builder.Build();
            try
            {
                using var connect = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await host.StartAsync(connect.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                Console.Error.WriteLine($"error: could not connect to a silo gateway on localhost:{r.GetValue(gateway)} ({WardTwin.Grains.Errors.OneLine(ex)}); start a silo first (WardTwin.Silo run)");
                return 3;
            }

            var run = new Hl7LoadRun(host.Services.GetRequiredService<IClusterClient>(), host.Services.GetRequiredService<DeviceDataMetrics>(), host.Services.GetRequiredService<ILogger<Hl7LoadRun>>());
            var result = await run.RunAsync(o, cancel);
            await File.WriteAllTextAsync(r.GetValue(output)!, JsonSerializer.Serialize(result, Json) + "\n", CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Beds} beds x 2 devices every {result.IntervalS} s ({result.Connections}, {result.ConnectionsOpen} connections): {result.AckedPerSecond:0} ACKed/s of {result.OfferedPerSecond:0} offered over {result.MeasuredSeconds} s; ACK p50 {result.AckP50Ms:0.00} ms, p99 {result.AckP99Ms:0.00} ms, p99.9 {result.AckP999Ms:0.00} ms, max {result.AckMaxMs:0.0} ms; built {result.Built}, ACKed {result.Acked}, errored {result.Errored}, retried {result.Retried}, dropped {result.Dropped}, left {result.LeftInQueues} (peak backlog {result.PeakBacklog}); silo CPU {result.SiloCpuPercent} %, receiver CPU {result.ReceiverCpuPercent} %, generator CPU {result.GeneratorCpuPercent} % (one core = 100 %)"));
            Console.WriteLine($"wrote {r.GetValue(output)}");
            await host.StopAsync(CancellationToken.None);
            return result.Dropped == 0 && result.Errored == 0 ? 0 : 4;
        });
        return command;
    }
}
