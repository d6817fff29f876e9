using System.Diagnostics;
using Orleans.Runtime;
using WardTwin.Grains;

namespace WardTwin.Load;

/// <summary>
/// Starts a real-time ward of N beds (monitors at R Hz) and reads every monitor's new readings each poll,
/// as the dashboard does: latency is arrival time minus the reading's own time on the ward clock.
/// </summary>
public sealed class LoadRun(IClusterClient client, LoadOptions options)
{
    public async Task<LoadStep> RunStepAsync(int admissions, TimeSpan duration, CancellationToken cancel)
    {
        string wardId = $"load-{Guid.NewGuid():N}"[..17];
        var ward = client.GetGrain<IWardGrain>(wardId);
        var clock = Stopwatch.StartNew();
        await ward.StartAsync(new WardConfig(admissions, options.Protocol, TimeScale: 1, Seed: 1, MonitorHz: options.Hz));
        double startedMs = clock.Elapsed.TotalMilliseconds; // the ward's clock anchors when StartAsync returns
        var status = await ward.GetStatusAsync();
        var monitors = status.BedList.Where(b => b.AdmissionId is not null).Select(b => client.GetGrain<IBedsideMonitorGrain>(b.AdmissionId!)).ToArray();
        var lastSeen = new double[monitors.Length];
        Array.Fill(lastSeen, double.NegativeInfinity);
        var seenAlarms = new HashSet<(int, string, double)>();
        var recorder = new LatencyRecorder();
        var cpu = new List<double>();
        long memory = 0;
        double warmupMs = 3000;
        double lastPollMs = startedMs;
        while (clock.Elapsed < duration && !cancel.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), cancel);

            // Ask for everything since the last poll (with room to spare), so a slow poll loses nothing.
            int fetch = 4 + (int)Math.Ceiling((clock.Elapsed.TotalMilliseconds - lastPollMs) / 1000 * options.Hz * 1.5);
            lastPollMs = clock.Elapsed.TotalMilliseconds;
            var batches = await Task.WhenAll(monitors.Select(async (m, i) => { var t = await m.GetTelemetryAsync(fetch); return (i, readings: t.Readings, alarms: t.Alarms); }));
            double nowMs = clock.Elapsed.TotalMilliseconds;
            bool measuring = nowMs > startedMs + warmupMs;
            foreach (var (i, readings, alarms) in batches)
            {
                foreach (var r in readings)
                {
                    if (r.SimTimeH <= lastSeen[i])
                    {
                        continue;
                    }

                    lastSeen[i] = r.SimTimeH;
                    if (measuring)
                    {
                        recorder.Sample(nowMs - (startedMs + (r.SimTimeH * 3_600_000)));
                    }
                }

                foreach (var a in alarms)
                {
                    if (measuring && seenAlarms.Add((i, a.Kind, a.RaisedAtH)))
                    {
                        recorder.Alarm(nowMs - (startedMs + (a.RaisedAtH * 3_600_000)));
                    }
                }
            }

            var (siloCpu, siloMemory) = await SiloStats();
            cpu.Add(siloCpu);
            memory = Math.Max(memory, siloMemory);
        }

        // Stopped, not just paused: its patients are discharged and it leaves the registry, so a cluster keeps no load ward running.
        await ward.StopAsync();
        double measuredS = Math.Max((clock.Elapsed.TotalMilliseconds - startedMs - warmupMs) / 1000, 1e-3);
        double expected = admissions * options.Hz * measuredS;
        return new LoadStep(admissions, options.Hz, measuredS, recorder.Delivered / measuredS, 4 * recorder.Delivered / measuredS,
            recorder.SamplePercentile(0.5), recorder.SamplePercentile(0.95), recorder.SamplePercentile(0.99), recorder.SamplePercentile(1),
            recorder.AlarmCount, recorder.AlarmPercentile(0.5), recorder.AlarmPercentile(0.99),
            Math.Max(0, (long)Math.Round(expected) - recorder.Delivered), recorder.Late,
            cpu.Count == 0 ? double.NaN : cpu.Average(), memory);
    }

    private async Task<(double CpuPercent, long MemoryBytes)> SiloStats()
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var stats = await management.GetRuntimeStatistics(hosts.Keys.ToArray());
        return (stats.Sum(s => s.EnvironmentStatistics.FilteredCpuUsagePercentage), stats.Sum(s => s.EnvironmentStatistics.FilteredMemoryUsageBytes));
    }
}

/// <summary>What one load level delivered.</summary>
public sealed record LoadStep(
    int Monitors, double Hz, double MeasuredSeconds, double ReadingsPerSecond, double VitalsPerSecond,
    double LatencyP50Ms, double LatencyP95Ms, double LatencyP99Ms, double LatencyMaxMs,
    int Alarms, double AlarmLatencyP50Ms, double AlarmLatencyP99Ms,
    long DroppedReadings, long LateReadings, double SiloCpuPercent, long SiloMemoryBytes);
