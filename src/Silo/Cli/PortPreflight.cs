using System.Net;
using System.Net.Sockets;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>
/// Tries the dashboard's addresses before the silo starts. A port in use was found only when the web host failed
/// to bind, after the silo had begun joining its cluster; under load Orleans then logged a failure of its own on
/// the way down, before the one line saying what was wrong. The bind failure at start is still caught the same way
/// (another program can take the port between this check and the start).
/// </summary>
internal static class PortPreflight
{
    public static void CheckFree(IEnumerable<string> dashboardUrls, SiloPlacement placement)
    {
        foreach (string url in dashboardUrls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                Try(Address(uri.Host), uri.Port, url);
            }
        }

        foreach (int port in new[] { placement.SiloPort, placement.GatewayPort }.Where(p => p > 0))
        {
            Try(placement.AdvertisedAddress, port, $"{placement.AdvertisedAddress}:{port}"); // where Orleans listens
        }
    }

    private static IPAddress Address(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" or "0.0.0.0" or "[::]" => IPAddress.Any,
        _ => IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : IPAddress.Any,
    };

    private static void Try(IPAddress address, int port, string what)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // Worded as the web host words it, so the command's guard prints the same one line.
            throw new IOException($"Failed to bind to address {what}: address already in use.", ex);
        }
        catch (SocketException)
        {
            // Another reason (an address not on this machine): the start reports it as before.
        }
        finally
        {
            listener.Stop();
        }
    }
}
