namespace WardTwin.Load;

/// <summary>One load run: how many monitors, how fast, for how long, against which cluster.</summary>
public sealed record LoadOptions(int Admissions, double Hz, TimeSpan Duration, bool Ramp, string Cluster, int GatewayPort, string Protocol, string Output, int? SiloPid);
