using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WardTwin.Grains;

/// <summary>
/// One per silo: the monitors on this silo hand it their readings and alarm changes (an in-memory queue,
/// no grain call), and every few milliseconds it sends each ward's share to that ward's telemetry hub in
/// one call, so the cost of pushing grows with the number of batches, not of readings.
/// </summary>
public sealed partial class TelemetryBatcher(IGrainFactory grains, IOptions<WardTwinOptions> options, WardTwinMetrics metrics, IHostApplicationLifetime lifetime, ILogger<TelemetryBatcher> logger) : BackgroundService
{
    private readonly ConcurrentQueue<(string Ward, object Item)> _queue = new();

    public void Post(string ward, MonitorReading reading) => _queue.Enqueue((ward, reading));

    public void Post(string ward, AlarmBoardChange change) => _queue.Enqueue((ward, change));

    /// <summary>A patient's details after a move (only while its ward is watched).</summary>
    public void Post(string ward, BedUpdate update) => _queue.Enqueue((ward, update));

    /// <summary>The ward's status after a tick or a change of its clock (only while watched); a batch carries the latest.</summary>
    public void Post(WardStatus status) => _queue.Enqueue((status.WardId, status));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, options.Value.TelemetryBatchMs)));

        // The silo starts shutting down as soon as the application stops: a flush after that only meets a silo
        // that refuses calls, so the last few milliseconds of readings are counted and let go instead.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // Silo shutting down.
        }

        int unsent = _queue.Count;
        _queue.Clear();
        if (unsent > 0)
        {
            LogUnsentOnStop(logger, unsent);
        }
    }

    /// <summary>Sends everything queued, one one-way call per ward.</summary>
    public void Flush()
    {
        if (_queue.IsEmpty)
        {
            return;
        }

        var readings = new Dictionary<string, List<MonitorReading>>(StringComparer.Ordinal);
        var alarms = new Dictionary<string, List<AlarmBoardChange>>(StringComparer.Ordinal);
        var beds = new Dictionary<string, List<BedUpdate>>(StringComparer.Ordinal);
        var wards = new Dictionary<string, WardStatus>(StringComparer.Ordinal);
        while (_queue.TryDequeue(out var entry))
        {
            switch (entry.Item)
            {
                case MonitorReading r:
                    Add(readings, entry.Ward, r);
                    break;
                case AlarmBoardChange a:
                    Add(alarms, entry.Ward, a);
                    break;
                case BedUpdate b:
                    Add(beds, entry.Ward, b);
                    break;
                case WardStatus w:
                    wards[entry.Ward] = w;
                    break;
            }
        }

        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (string ward in readings.Keys.Union(alarms.Keys).Union(beds.Keys).Union(wards.Keys))
        {
            var batch = new TelemetryBatch(ward, readings.TryGetValue(ward, out var r) ? [.. r] : [], alarms.TryGetValue(ward, out var a) ? [.. a] : [], now,
                beds.TryGetValue(ward, out var b) ? [.. b] : null, wards.GetValueOrDefault(ward));
            metrics.TelemetryReadings.Add(batch.Readings.Length);
            metrics.TelemetryBatches.Add(1);
            try
            {
                grains.GetGrain<IWardTelemetryGrain>(ward).PublishAsync(batch).Ignore();
            }
            catch (Exception ex) when (ex is InvalidOperationException or OrleansException)
            {
                LogPublishFailed(logger, ward, Errors.OneLine(ex));
            }
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> byWard, string ward, T item) =>
        (byWard.TryGetValue(ward, out var list) ? list : byWard[ward] = []).Add(item);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "telemetry: {Unsent} readings and alarm changes queued when the silo began to stop were not sent")]
    private static partial void LogUnsentOnStop(ILogger logger, int unsent);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "telemetry of ward {Ward} could not be published: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string ward, string reason);
}
