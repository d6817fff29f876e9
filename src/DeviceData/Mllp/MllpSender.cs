using System.Collections.Concurrent;

namespace WardTwin.DeviceData.Mllp;

/// <summary>
/// Routes each device's messages onto a connection: its own one (per-device mode, as bedside devices each talk to
/// a gateway) or one of a few shared ones picked by the device's key (gateway mode), so one device's messages keep
/// their order either way. Never waits: a connection that cannot deliver queues, then drops its oldest.
/// </summary>
public sealed class MllpSender : IAsyncDisposable
{
    private readonly MllpEndpoint _endpoint;
    private readonly Hl7Options _options;
    private readonly IDeliveryObserver _observer;
    private readonly ConcurrentDictionary<string, MllpConnection> _perDevice = new(StringComparer.Ordinal);
    private readonly MllpConnection[] _gateway;

    public MllpSender(Hl7Options options, IDeliveryObserver observer)
    {
        _endpoint = MllpEndpoint.Parse(options.Endpoint ?? string.Empty);
        _options = options;
        _observer = observer;
        _gateway = options.Gateway ? [.. Enumerable.Range(0, options.GatewayConnections).Select(_ => new MllpConnection(_endpoint, options, observer))] : [];
    }

    public MllpEndpoint Endpoint => _endpoint;

    public void Send(OutboundMessage message) => For(message.DeviceKey).Enqueue(message);

    /// <summary>A device that left (its patient went home): its own connection delivers what it holds and closes.</summary>
    public void Forget(string deviceKey)
    {
        if (!_options.Gateway && _perDevice.TryRemove(deviceKey, out var connection))
        {
            connection.Retire();
        }
    }

    /// <summary>Messages waiting on every connection, the most they may hold, connections and how many of them last failed.</summary>
    public SenderState State()
    {
        MllpConnection[] all = _options.Gateway ? _gateway : [.. _perDevice.Values];
        int backlog = 0, unhealthy = 0, busy = 0;
        foreach (var c in all)
        {
            backlog += c.Backlog;
            unhealthy += c.Healthy ? 0 : 1;
            busy += c.Busy ? 1 : 0;
        }

        return new SenderState(backlog, (long)all.Length * _options.CapacityPerConnection, all.Length, unhealthy, busy);
    }

    private MllpConnection For(string deviceKey)
    {
        if (_options.Gateway)
        {
            // A stable hash (string.GetHashCode is randomised per process), so a device stays on its connection.
            uint h = 2166136261;
            foreach (char c in deviceKey)
            {
                h = (h ^ c) * 16777619;
            }

            return _gateway[h % (uint)_gateway.Length];
        }

        return _perDevice.GetOrAdd(deviceKey, _ => new MllpConnection(_endpoint, _options, _observer));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _gateway.Concat(_perDevice.Values))
        {
            await c.DisposeAsync();
        }
    }
}

/// <summary>A sender's backlog (messages queued), its bound, its connections, how many of them cannot deliver now and how many have a message out.</summary>
public sealed record SenderState(int Backlog, long Capacity, int Connections, int Unhealthy, int InFlight = 0);
