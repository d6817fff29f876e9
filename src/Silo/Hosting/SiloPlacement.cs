using System.Net;

namespace WardTwin.Silo.Hosting;

/// <summary>Where a silo listens: its silo and gateway ports and the address it advertises to the cluster.</summary>
public sealed record SiloPlacement(int SiloPort, int GatewayPort, IPAddress AdvertisedAddress)
{
    /// <summary>Free loopback ports: a silo that only serves its own process (cohort, bench) beside any running one.</summary>
    public static SiloPlacement AnyFreePorts() => new(SiloHostFactory.FreePort(), SiloHostFactory.FreePort(), IPAddress.Loopback);
}
