using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WardTwin.DeviceData;
using WardTwin.DeviceData.Feed;
using WardTwin.DeviceData.Mllp;
using WardTwin.Grains;

namespace WardTwin.Load;

/// <summary>
/// Drives the device-data HL7 output at scale with the same code `run --hl7` uses: starts a real-time ward of N beds
/// on the cluster, subscribes to its telemetry as the silo's feed does, and sends every monitor's and pump's PCD-01
/// (and alarms' PCD-04) every interval to an MLLP receiver, timing each ACK. At the end the ward is stopped and the
/// queues are given up to 15 s to drain, so every message built is accounted for: ACKed, errored, dropped or left.
/// </summary>
public sealed class Hl7LoadRun(IClusterClient client, DeviceDataMetrics metrics, ILogger logger)
{
    public async Task<Hl7LoadResult> RunAsync(Hl7LoadOptions o, CancellationToken cancel)
    {
        string wardId = $"load-hl7-{Guid.NewGuid():N}"[..17];
        var warmup = TimeSpan.FromSeconds(Math.Min(10, o.Duration.TotalSeconds / 4));
        var stats = new Hl7LoadStats(Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency));
        var hl7 = new Hl7Options { Endpoint = o.Endpoint, IntervalS = o.IntervalS, Connections = o.Connections, GatewayConnections = o.GatewayConnections, AckTimeoutS = 10 };
        await using var sender = new MllpSender(hl7, new TeeObserver(metrics, stats));
        var state = new WardDeviceState(wardId, TimeProvider.System);
        var output = new Hl7Output(state, sender, hl7, metrics, TimeProvider.System, logger);
        var silo = new SiloProcess(client, o.SiloPid);
        var receiver = o.ReceiverPid is { } rp ? new SiloProcess(client, rp) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var subscription = WardSubscription.KeepAsync(client, state, logger, stop.Token);
        var sending = output.RunAsync(stop.Token);
        var ward = client.GetGrain<IWardGrain>(wardId);
        await ward.StartAsync(new WardConfig(o.Beds, o.Protocol, TimeScale: 1, Seed: 1, MonitorHz: 1));
        var started = Stopwatch.StartNew();
        var cpu = new List<(double Silo, double Receiver)>();
        var self = new SiloProcess(client, Environment.ProcessId);
        var selfCpu = new List<double>();
        long peakBacklog = 0;
        await silo.SampleAsync();
        await self.SampleAsync();
        if (receiver is not null)
        {
            await receiver.SampleAsync();
        }

        while (started.Elapsed < o.Duration && !cancel.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
            peakBacklog = Math.Max(peakBacklog, sender.State().Backlog);
            var (s, _) = await silo.SampleAsync();
            double g = (await self.SampleAsync()).CpuPercent;
            double r = receiver is null ? double.NaN : (await receiver.SampleAsync()).CpuPercent;
            if (started.Elapsed > warmup)
            {
                cpu.Add((s, r));
                selfCpu.Add(g);
            }
        }

        double measuredS = (started.Elapsed - warmup).TotalSeconds;
        long acked = stats.AckedCount;
        await ward.StopAsync();
        await stop.CancelAsync();
        await Task.WhenAll(subscription, sending);
        var drain = Stopwatch.StartNew();
        while (sender.State() is { } left && left.Backlog + left.InFlight > 0 && drain.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100, CancellationToken.None);
        }

        var (retries, drops) = stats.Reasons();
        return new Hl7LoadResult(
            o.Beds, 2 * o.Beds, o.IntervalS, o.Connections, sender.State().Connections, Math.Round(measuredS, 1),
            Math.Round(acked / measuredS, 1), 2 * o.Beds / o.IntervalS,
            stats.AckMs(50), stats.AckMs(99), stats.AckMs(99.9), stats.MaxAckMs,
            metrics.Hl7Built, stats.WarmupAcked + stats.AckedCount, stats.ErroredCount, stats.RetriedCount, stats.DroppedCount, sender.State().Backlog, peakBacklog,
            retries, drops,
            cpu.Count == 0 ? double.NaN : Math.Round(cpu.Average(c => c.Silo), 1), cpu.Count == 0 || receiver is null ? double.NaN : Math.Round(cpu.Average(c => c.Receiver), 1),
            selfCpu.Count == 0 ? double.NaN : Math.Round(selfCpu.Average(), 1));
    }
}

/// <summary>One MLLP load run.</summary>
public sealed record Hl7LoadOptions(int Beds, string Endpoint, double IntervalS, string Connections, int GatewayConnections, TimeSpan Duration, string Protocol, int? SiloPid, int? ReceiverPid);

/// <summary>What it delivered: ACKed messages a second after warm-up against those offered, ACK latency in ms, and every message accounted for.</summary>
public sealed record Hl7LoadResult(
    int Beds, int Devices, double IntervalS, string Connections, int ConnectionsOpen, double MeasuredSeconds,
    double AckedPerSecond, double OfferedPerSecond,
    double AckP50Ms, double AckP99Ms, double AckP999Ms, double AckMaxMs,
    long Built, long Acked, long Errored, long Retried, long Dropped, long LeftInQueues, long PeakBacklog,
    Dictionary<string, long> RetriesByReason, Dictionary<string, long> DropsByReason,
    double SiloCpuPercent, double ReceiverCpuPercent, double GeneratorCpuPercent);
