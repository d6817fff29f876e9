using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using WardTwin.DeviceData.Hl7;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.Load;

/// <summary>
/// `receive`: a light MLLP receiver for load runs, as a process of its own (its CPU measured apart): it frames,
/// answers each message with an original-mode ACK (MSA-2 its MSH-10) and counts, parsing nothing else. python3-hl7's
/// receiver (tests/peers) parses every message and is the independent check; it cannot take thousands a second.
/// </summary>
public static class MllpReceiveCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (loopback)", Required = true };
        var ack = new Option<string>("--ack") { Description = "MSA-1 to answer: AA, AE or AR", DefaultValueFactory = _ => "AA" };
        ack.AcceptOnlyFromAmong("AA", "AE", "AR");
        var command = new Command("receive", "A light MLLP receiver that ACKs and counts (for hl7 load runs); Ctrl+C or SIGTERM prints the counts") { port, ack };
        command.SetAction(async (r, cancel) =>
        {
            var listener = new TcpListener(IPAddress.Loopback, r.GetValue(port));
            listener.Start(4096);
            Console.WriteLine($"listening {r.GetValue(port)}");
            long messages = 0;
            string code = r.GetValue(ack)!;
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(cancel);
                    _ = Task.Run(async () =>
                    {
                        using var c = client;
                        c.NoDelay = true;
                        var stream = c.GetStream();
                        var reader = new MllpFrameReader(stream);
                        try
                        {
                            while (await reader.ReadAsync(cancel) is { } message)
                            {
                                Interlocked.Increment(ref messages);
                                await stream.WriteAsync(MllpFrame.Encode(Acknowledgement.For(message, code)), cancel);
                            }
                        }
                        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                        {
                            // The sender went away, or we stop.
                        }
                    }, CancellationToken.None);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }

            listener.Stop();
            Console.WriteLine($"{{\"messages\": {Interlocked.Read(ref messages)}}}");
            return 0;
        });
        return command;
    }
}
