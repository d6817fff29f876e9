namespace WardTwin.DeviceData.Mllp;

/// <summary>PCD-01/PCD-04 over MLLP (section "DeviceData:Hl7"), validated on start. Off while Endpoint is empty.</summary>
public sealed class Hl7Options
{
    public const string Section = "DeviceData:Hl7";

    /// <summary>mllp://HOST:PORT of the receiver (an integration engine, a gateway).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Seconds between a device's periodic PCD-01 reports: IHE's typical periodic report is a minute; 1 s at the fastest.</summary>
    public double IntervalS { get; set; } = 60;

    /// <summary>"per-device": one connection per monitor and pump, as devices talk to a gateway; "gateway": devices share GatewayConnections connections, as a vendor gateway talks to an engine.</summary>
    public string Connections { get; set; } = "per-device";

    public int GatewayConnections { get; set; } = 4;

    /// <summary>Messages one connection holds while it cannot deliver (the oldest go first once full); default 100 a device, 20,000 a gateway connection.</summary>
    public int? QueueCapacity { get; set; }

    public double AckTimeoutS { get; set; } = 10;

    public double ConnectTimeoutS { get; set; } = 5;

    /// <summary>Tries of one message (refused, timed out, connection lost) before it is dropped and counted.</summary>
    public int MaxAttempts { get; set; } = 5;

    public int BackoffInitialMs { get; set; } = 250;

    public int BackoffMaxMs { get; set; } = 10_000;

    public string SendingApplication { get; set; } = "WARDTWIN";

    public string SendingFacility { get; set; } = "WardTwin";

    public string ReceivingApplication { get; set; } = string.Empty;

    public string ReceivingFacility { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public bool Gateway => Connections == "gateway";

    public int CapacityPerConnection => QueueCapacity ?? (Gateway ? 20_000 : 100);

    /// <summary>What is wrong with these settings, one line each; empty when they are sound.</summary>
    public IEnumerable<string> Problems()
    {
        if (Enabled)
        {
            string? endpointProblem = null;
            try
            {
                _ = MllpEndpoint.Parse(Endpoint!);
            }
            catch (ArgumentException ex)
            {
                endpointProblem = ex.Message;
            }

            if (endpointProblem is not null)
            {
                yield return endpointProblem;
            }
        }

        if (IntervalS is < 1 or > 86_400 || double.IsNaN(IntervalS))
        {
            yield return $"{Section}:IntervalS must be within 1..86400 s (got {IntervalS})";
        }

        if (Connections is not ("per-device" or "gateway"))
        {
            yield return $"{Section}:Connections must be per-device or gateway (got '{Connections}')";
        }

        if (GatewayConnections is < 1 or > 1024 || CapacityPerConnection is < 1 or > 10_000_000 || MaxAttempts is < 1 or > 100)
        {
            yield return $"{Section}: GatewayConnections 1..1024, QueueCapacity 1..10000000 and MaxAttempts 1..100";
        }

        if (AckTimeoutS is <= 0 or > 600 || ConnectTimeoutS is <= 0 or > 600 || BackoffInitialMs < 1 || BackoffMaxMs < BackoffInitialMs)
        {
            yield return $"{Section}: AckTimeoutS and ConnectTimeoutS within (0, 600], BackoffInitialMs >= 1 and BackoffMaxMs >= BackoffInitialMs";
        }
    }
}
