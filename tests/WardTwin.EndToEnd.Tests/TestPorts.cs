using System.Net;
using System.Net.Sockets;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// Ports for the processes the tests start. A port the kernel hands out for port 0 comes from its ephemeral range
/// (32768-60999 here), the same range every outgoing connection takes its local port from: in the seconds between
/// picking such a port and the silo binding it, any connection on the machine could take it (a full run failed once on
/// "already in use" that way). These come from below that range, each tried before it is handed out, and are never
/// handed out twice by this test process.
/// </summary>
public static class TestPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;

    // One counter for the whole test process (tests run in parallel), starting at a place of its own for each process
    // so that two test processes at once rarely try the same ports.
    private static int s_next = (Environment.ProcessId % 400) * 30;

    public static int Next()
    {
        for (int tried = 0; tried < Count; tried++)
        {
            int port = First + ((Interlocked.Increment(ref s_next) & int.MaxValue) % Count);
            try
            {
                // Any address, as the silo may bind 0.0.0.0: a port taken on any address is passed over.
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next.
            }
        }

        throw new InvalidOperationException($"no free TCP port in {First}..{First + Count - 1}");
    }
}
