namespace WardTwin.DeviceData.Mllp;

/// <summary>What happened to each message a sender took: the metrics count it, the load generator also times it.</summary>
public interface IDeliveryObserver
{
    /// <summary>Accepted (AA/CA): the time from writing the frame to reading its ACK.</summary>
    void Acked(OutboundMessage message, TimeSpan latency);

    /// <summary>AE/CE: the receiver found an error in the message; it is not sent again.</summary>
    void Errored(OutboundMessage message, string code, string? text);

    /// <summary>Sent again after a failure (refused, no ACK in time, connection lost or refused).</summary>
    void Retried(OutboundMessage message, string reason);

    /// <summary>Given up: pushed out of a full queue (the oldest goes) or out of attempts.</summary>
    void Dropped(OutboundMessage message, string reason);
}
