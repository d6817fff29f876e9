using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using WardTwin.DeviceData.Hl7;

namespace WardTwin.DeviceData.Mllp;

/// <summary>
/// One TCP connection to an MLLP receiver with its own bounded queue. HL7 original-mode acknowledgement allows one
/// message in flight: it writes a frame and waits for the ACK whose MSA-2 is that message's MSH-10 before the next.
/// AA/CA delivers; AE/CE is the message's fault and is not sent again; an ACK naming another message is passed
/// over; AR/CR, no ACK naming it within the timeout or a lost connection are retried with exponential back-off and jitter (a reconnect first, except after a
/// refusal, which comes over a healthy connection), up to MaxAttempts. Whoever enqueues never waits: a full queue
/// drops its oldest message and counts it, so a receiver that stops, refuses or crawls costs the ward nothing.
/// </summary>
public sealed class MllpConnection : IAsyncDisposable
{
    private readonly MllpEndpoint _endpoint;
    private readonly Hl7Options _options;
    private readonly IDeliveryObserver _observer;
    private readonly Channel<OutboundMessage> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TcpClient? _client;
    private NetworkStream? _stream;
    private MllpFrameReader? _reader;

    public MllpConnection(MllpEndpoint endpoint, Hl7Options options, IDeliveryObserver observer)
    {
        _endpoint = endpoint;
        _options = options;
        _observer = observer;
        _queue = Channel.CreateBounded<OutboundMessage>(
            new BoundedChannelOptions(options.CapacityPerConnection) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => observer.Dropped(dropped, "queue_full"));
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Messages waiting (not counting the one in flight).</summary>
    public int Backlog => _queue.Reader.Count;

    /// <summary>Whether the last attempt found the receiver (connected and not refusing).</summary>
    public bool Healthy { get; private set; } = true;

    public bool Connected => _client?.Connected == true;

    /// <summary>Whether a message is out and waiting for its ACK (or its next attempt).</summary>
    public bool Busy { get; private set; }

    /// <summary>No more messages: what is queued is still delivered, then the connection closes (a discharged device).</summary>
    public void Retire() => _queue.Writer.TryComplete();

    /// <summary>Queues a message without waiting; when the queue is full the oldest one is dropped (and counted) instead.</summary>
    public void Enqueue(OutboundMessage message) => _queue.Writer.TryWrite(message);

    private async Task RunAsync()
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                Busy = true;
                try
                {
                    await DeliverAsync(message, _stop.Token);
                }
                finally
                {
                    Busy = false;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Disconnect();
        }
    }

    private async Task DeliverAsync(OutboundMessage message, CancellationToken stop)
    {
        for (int attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var stream = await ConnectedAsync(stop);
                long start = Stopwatch.GetTimestamp();
                await stream.WriteAsync(message.Frame, stop);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(TimeSpan.FromSeconds(_options.AckTimeoutS));
                string? reply;
                Acknowledgement? ack;
                do
                {
                    // An ACK naming an earlier message (a receiver that repeats one, as node-hl7-server 2.5 does) is
                    // passed over: resending now would hand the receiver this message twice.
                    reply = await _reader!.ReadAsync(wait.Token);
                    ack = reply is null ? null : Acknowledgement.Parse(reply);
                }
                while (ack is not null && ack.ControlId != message.ControlId);

                if (ack is null)
                {
                    failure = reply is null ? "connection_closed" : "not_an_ack";
                }
                else if (ack.Accepted)
                {
                    Healthy = true;
                    _observer.Acked(message, Stopwatch.GetElapsedTime(start));
                    return;
                }
                else if (ack.Error)
                {
                    Healthy = true;
                    _observer.Errored(message, ack.Code, ack.Text);
                    return;
                }
                else
                {
                    failure = "rejected";
                }
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                failure = _stream is null ? "connect_timeout" : "ack_timeout";
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidDataException)
            {
                failure = _stream is null ? "connect_failed" : "connection_lost";
            }

            Healthy = false;
            if (failure != "rejected")
            {
                Disconnect(); // a late ACK must not be read as the next message's
            }

            if (attempt >= _options.MaxAttempts)
            {
                _observer.Dropped(message, "attempts_" + failure);
                return;
            }

            _observer.Retried(message, failure);
            await Task.Delay(Backoff(attempt), stop);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        double ms = Math.Min(_options.BackoffMaxMs, _options.BackoffInitialMs * Math.Pow(2, attempt - 1));

        // Jitter of ±20 %, so thousands of device connections that lost one receiver do not come back in step.
        return TimeSpan.FromMilliseconds(ms * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private async Task<NetworkStream> ConnectedAsync(CancellationToken stop)
    {
        if (_stream is not null && _client!.Connected && !ClosedByPeer(_client.Client))
        {
            return _stream;
        }

        Disconnect();
        var client = new TcpClient { NoDelay = true };
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
            wait.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutS));
            await client.ConnectAsync(_endpoint.Host, _endpoint.Port, wait.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        _stream = client.GetStream();
        _reader = new MllpFrameReader(_stream);
        return _stream;
    }

    /// <summary>
    /// Whether the receiver closed an idle connection (readable with nothing to read: its FIN). Some receivers close
    /// after every ACK; reconnecting before the write spares a failed attempt and its back-off.
    /// </summary>
    private static bool ClosedByPeer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private void Disconnect()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        _reader = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting.
        }

        _stop.Dispose();
    }
}
