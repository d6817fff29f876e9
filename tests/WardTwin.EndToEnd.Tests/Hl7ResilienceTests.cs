namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// A 4-bed ward reporting every second to a python3-hl7 receiver that stops, refuses (AR) or answers slower than
/// the ACK timeout: the ward goes on (its monitors keep sampling at their rate), the backlog stays within its bound
/// on /metrics with retries and drops counted, and delivery resumes on its own once the receiver is well again.
/// </summary>
[Collection(TimingGroup.Name)]
public sealed class Hl7ResilienceTests
{
    /// <summary>Small queues and a short ACK timeout, so a test sees the bound and the drops within seconds.</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["WARDTWIN_DeviceData__Hl7__QueueCapacity"] = "5",
        ["WARDTWIN_DeviceData__Hl7__AckTimeoutS"] = "1",
        ["WARDTWIN_DeviceData__Hl7__BackoffMaxMs"] = "1000",
        ["WARDTWIN_DeviceData__Hl7__MaxAttempts"] = "3",
    };

    [Fact]
    public async Task A_receiver_that_stops_is_survived_and_delivery_resumes_when_it_is_back()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync();
        await using var silo = await Start(receiver);
        await Delivering(receiver, silo);
        receiver.Kill();
        await Outage(silo, "wardtwin_hl7_dropped_total");
        await receiver.RestartAsync();
        await Delivering(receiver, silo);
    }

    [Fact]
    public async Task A_receiver_that_refuses_with_AR_is_retried_then_given_up_and_accepts_again_later()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync("AR");
        await using var silo = await Start(receiver);
        await Eventually.Holds(async () => (await MetricsText.ReadAsync(silo, "wardtwin_hl7_retries_total", "reason=\"rejected\"") > 0, "no retry yet"), "retries after AR", 60);
        await Outage(silo, "wardtwin_hl7_dropped_total");
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_hl7_acks_total", "code=\"AR\"") > 0);
        await receiver.RestartAsync("AA");
        await Delivering(receiver, silo);
    }

    [Fact]
    public async Task A_receiver_slower_than_the_ACK_timeout_is_survived_and_delivery_resumes_when_it_is_quick()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync("AA", delayMs: 2500);
        await using var silo = await Start(receiver);
        await Eventually.Holds(async () => (await MetricsText.ReadAsync(silo, "wardtwin_hl7_retries_total", "reason=\"ack_timeout\"") > 0, "no timeout yet"), "ACK timeouts", 60);
        await Outage(silo, "wardtwin_hl7_dropped_total");
        await receiver.RestartAsync("AA");
        await Delivering(receiver, silo);
    }

    private static Task<RunningSilo> Start(PythonHl7Receiver receiver) =>
        RunningSilo.StartAsync(Settings, "127.0.0.1", "--beds", "4", "--hl7", receiver.Address, "--hl7-interval-s", "1");

    /// <summary>New messages reach the receiver and are accepted.</summary>
    private static async Task Delivering(PythonHl7Receiver receiver, RunningSilo silo)
    {
        int before = receiver.Messages().Count;
        double acked = await MetricsText.ReadAsync(silo, "wardtwin_hl7_acks_total", "code=\"AA\"");
        await Eventually.Holds(async () =>
        {
            int now = receiver.Messages().Count;
            double a = await MetricsText.ReadAsync(silo, "wardtwin_hl7_acks_total", "code=\"AA\"");
            return (now >= before + 16 && a >= acked + 16, $"{now - before} received, {a - acked} AA");
        }, "16 more messages received and ACKed", 60);
    }

    /// <summary>While the receiver fails: drops are counted, the backlog stays within its bound and the ward's monitors keep sampling.</summary>
    private static async Task Outage(RunningSilo silo, string dropped)
    {
        double samples = await MetricsText.ReadAsync(silo, "wardtwin_vitals_samples_total");
        var from = DateTime.UtcNow;
        await Eventually.Holds(async () =>
        {
            double d = await MetricsText.ReadAsync(silo, dropped);
            double backlog = await MetricsText.ReadAsync(silo, "wardtwin_hl7_backlog_messages");
            double capacity = await MetricsText.ReadAsync(silo, "wardtwin_hl7_backlog_capacity_messages");
            double failing = await MetricsText.ReadAsync(silo, "wardtwin_hl7_connections_failing");
            Assert.InRange(backlog, 0, capacity);
            return (d > 0 && failing > 0 && DateTime.UtcNow - from > TimeSpan.FromSeconds(8), $"dropped {d}, backlog {backlog}/{capacity}, failing {failing}");
        }, "drops counted while the receiver fails", 60);
        double sampled = await MetricsText.ReadAsync(silo, "wardtwin_vitals_samples_total") - samples;
        double seconds = (DateTime.UtcNow - from).TotalSeconds;

        // 4 monitors at 1 Hz: the ward samples on as if nobody were listening (a little slack for the scrape's timing).
        Assert.True(sampled >= 4 * (seconds - 2), $"{sampled} samples in {seconds:0.0} s");
        Assert.Equal(5 * 8, await MetricsText.ReadAsync(silo, "wardtwin_hl7_backlog_capacity_messages"));
    }
}
