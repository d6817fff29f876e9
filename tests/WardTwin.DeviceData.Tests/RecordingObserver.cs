using System.Collections.Concurrent;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Tests;

/// <summary>Counts what a sender reports, for the tests to wait on.</summary>
internal sealed class RecordingObserver : IDeliveryObserver
{
    public ConcurrentQueue<string> Acked { get; } = new();

    public ConcurrentDictionary<string, int> Retries { get; } = new();

    public ConcurrentDictionary<string, int> Drops { get; } = new();

    public int Dropped => Drops.Values.Sum();

    void IDeliveryObserver.Acked(OutboundMessage message, TimeSpan latency) => Acked.Enqueue(message.ControlId);

    void IDeliveryObserver.Errored(OutboundMessage message, string code, string? text) => Drops.AddOrUpdate("error_" + code, 1, (_, n) => n + 1);

    void IDeliveryObserver.Retried(OutboundMessage message, string reason) => Retries.AddOrUpdate(reason, 1, (_, n) => n + 1);

    void IDeliveryObserver.Dropped(OutboundMessage message, string reason) => Drops.AddOrUpdate(reason, 1, (_, n) => n + 1);

    /// <summary>Waits until the condition holds, or fails naming what it waited for.</summary>
    public static async Task Until(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {seconds} s waiting for {what}");
            await Task.Delay(20);
        }
    }
}
