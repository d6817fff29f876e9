using System.Diagnostics;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// The MLLP sender against a receiver that works, stops, refuses (AR) and crawls: enqueuing never waits, the backlog
/// stays within its bound with every drop counted, and delivery resumes on its own once the receiver is back.
/// </summary>
public sealed class MllpSenderTests
{
    private static Hl7Options Options(int port, int capacity = 10, string connections = "per-device", double ackTimeoutS = 5) => new()
    {
        Endpoint = $"mllp://127.0.0.1:{port}", QueueCapacity = capacity, Connections = connections, GatewayConnections = 2,
        AckTimeoutS = ackTimeoutS, ConnectTimeoutS = 2, BackoffInitialMs = 20, BackoffMaxMs = 100, MaxAttempts = 3,
    };

    private static OutboundMessage Message(string device, int n) =>
        OutboundMessage.Of(device, "pcd01", $"C{n}", $"MSH|^~\\&|WARDTWIN|WardTwin|||20261207||ORU^R01^ORU_R01|C{n}|P|2.6\rPID|||{device}\r");

    [Fact]
    public async Task Each_message_waits_for_the_ACK_that_names_it_and_one_device_keeps_its_order()
    {
        await using var receiver = new TestReceiver();
        var seen = new RecordingObserver();
        await using var sender = new MllpSender(Options(receiver.Port, 100, "gateway"), seen);
        for (int i = 0; i < 50; i++)
        {
            sender.Send(Message(i % 2 == 0 ? "a" : "b", i));
        }

        await RecordingObserver.Until(() => seen.Acked.Count == 50, "50 ACKs");
        var a = receiver.Accepted.Where(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0).ToArray();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"C{2 * i}"), a);
        Assert.Equal(0, seen.Dropped);
    }

    [Fact]
    public async Task An_ACK_that_names_an_earlier_message_is_passed_over_and_nothing_is_sent_twice()
    {
        await using var receiver = new TestReceiver { RepeatPreviousAck = true };
        var seen = new RecordingObserver();
        await using var sender = new MllpSender(Options(receiver.Port), seen);
        for (int i = 0; i < 10; i++)
        {
            sender.Send(Message("m", i));
        }

        await RecordingObserver.Until(() => seen.Acked.Count == 10, "10 ACKs");
        Assert.Equal(10, receiver.Received);
        Assert.Empty(seen.Retries);
    }

    [Fact]
    public async Task A_receiver_that_stops_costs_the_sender_nothing_the_backlog_is_bounded_and_delivery_resumes()
    {
        await using var receiver = new TestReceiver();
        var seen = new RecordingObserver();
        await using var sender = new MllpSender(Options(receiver.Port), seen);
        sender.Send(Message("m", 0));
        await RecordingObserver.Until(() => seen.Acked.Count == 1, "the first ACK");

        receiver.Stop();
        var enqueue = Stopwatch.StartNew();
        for (int i = 1; i <= 200; i++)
        {
            sender.Send(Message("m", i));
        }

        Assert.True(enqueue.ElapsedMilliseconds < 500, $"enqueuing 200 messages took {enqueue.ElapsedMilliseconds} ms");
        await RecordingObserver.Until(() => seen.Dropped >= 190, "the drops of a full queue");
        Assert.InRange(sender.State().Backlog, 0, 10);
        Assert.Equal(10, sender.State().Capacity);
        Assert.True(seen.Drops.ContainsKey("queue_full"));
        await RecordingObserver.Until(() => seen.Retries.Keys.Any(k => k is "connect_failed" or "connection_lost" or "connection_closed"), "a failed attempt while the receiver is down");

        receiver.Restart();
        sender.Send(Message("m", 999));
        await RecordingObserver.Until(() => seen.Acked.Contains("C999"), "delivery after the receiver came back");
        Assert.Equal(202, seen.Acked.Count + seen.Dropped); // every message acknowledged or counted as dropped
    }

    [Fact]
    public async Task A_receiver_that_refuses_is_retried_with_back_off_then_given_up_and_accepts_again_later()
    {
        await using var receiver = new TestReceiver { Ack = "AR" };
        var seen = new RecordingObserver();
        await using var sender = new MllpSender(Options(receiver.Port), seen);
        for (int i = 0; i < 5; i++)
        {
            sender.Send(Message("m", i));
        }

        await RecordingObserver.Until(() => seen.Drops.GetValueOrDefault("attempts_rejected") == 5, "five messages given up after AR");
        Assert.Equal(10, seen.Retries["rejected"]); // 3 attempts each: 2 retries
        Assert.Equal(15, receiver.Received);

        receiver.Ack = "AA";
        sender.Send(Message("m", 5));
        await RecordingObserver.Until(() => seen.Acked.Contains("C5"), "acceptance once the receiver accepts again");
    }

    [Fact]
    public async Task A_receiver_slower_than_the_ACK_timeout_is_reconnected_and_a_late_ACK_is_never_taken_for_the_next_message()
    {
        await using var receiver = new TestReceiver { Delay = TimeSpan.FromMilliseconds(1500) };
        var seen = new RecordingObserver();
        await using var sender = new MllpSender(Options(receiver.Port, ackTimeoutS: 0.5), seen);
        for (int i = 0; i < 30; i++)
        {
            sender.Send(Message("m", i));
        }

        Assert.InRange(sender.State().Backlog, 0, 10);
        await RecordingObserver.Until(() => seen.Retries.GetValueOrDefault("ack_timeout") >= 2, "ACK timeouts");
        Assert.Empty(seen.Acked);

        receiver.Delay = TimeSpan.Zero;
        sender.Send(Message("m", 100));
        await RecordingObserver.Until(() => seen.Acked.Contains("C100"), "delivery once the receiver is quick again");
        Assert.Equal(31, seen.Acked.Count + seen.Dropped);
        Assert.Equal(seen.Acked.Count, seen.Acked.Distinct().Count());
    }
}
