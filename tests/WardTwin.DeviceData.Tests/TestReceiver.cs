using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WardTwin.DeviceData.Hl7;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// A real MLLP receiver on a loopback socket whose behaviour a test switches: accept (AA), refuse (AR), answer late,
/// or stop listening and drop every connection, then start again on the same port. (The end-to-end tests use
/// python-hl7 as the independent peer; this one is here to be steered.)
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TestReceiver() => Port = Start(0);

    public int Port { get; }

    public string Ack { get; set; } = "AA";

    public TimeSpan Delay { get; set; }

    /// <summary>Answers each message after the first with the previous message's ACK too, before its own (as node-hl7-server 2.5 does).</summary>
    public bool RepeatPreviousAck { get; set; }

    /// <summary>Control ids of the messages it accepted, in order of arrival.</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    public int Received => _received;

    private int _received;

    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        while (_clients.TryTake(out var c))
        {
            c.Dispose();
        }
    }

    public void Restart()
    {
        _stop = new CancellationTokenSource();
        Start(Port);
    }

    private int Start(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        var stop = _stop.Token;
        var listener = _listener;
        _ = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(stop);
                    _clients.Add(client);
                    _ = Serve(client, stop);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }, CancellationToken.None);
        return ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    private async Task Serve(TcpClient client, CancellationToken stop)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new MllpFrameReader(stream);
            string? previous = null;
            while (await reader.ReadAsync(stop) is { } message)
            {
                if (RepeatPreviousAck && previous is not null)
                {
                    await stream.WriteAsync(MllpFrame.Encode(Acknowledgement.For(previous, "AA")), stop);
                }

                previous = message;
                Interlocked.Increment(ref _received);
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, stop);
                }

                string code = Ack;
                if (code == "AA")
                {
                    Accepted.Enqueue(message.Split('\r')[0].Split('|')[9]);
                }

                await stream.WriteAsync(MllpFrame.Encode(Acknowledgement.For(message, code)), stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Dropped by the test.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
