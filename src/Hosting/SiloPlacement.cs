using System.Net;

namespace WardTwin.Hosting;

/// <summary>Where a silo listens: its silo and gateway ports and the address it advertises to the cluster.</summary>
public sealed record SiloPlacement(int SiloPort, int GatewayPort, IPAddress AdvertisedAddress)
{
    /// <summary>Free loopback ports: a silo that only serves its own process (cohort, bench) beside any running one.</summary>
    public static SiloPlacement AnyFreePorts() => new(FreePort(), FreePort(), IPAddress.Loopback);

    /// <summary>A free loopback port, so a cohort run can start beside a running ward.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
