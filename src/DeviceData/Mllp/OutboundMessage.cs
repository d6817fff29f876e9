namespace WardTwin.DeviceData.Mllp;

/// <summary>One HL7 message waiting for its ACK: its control id (MSH-10, which MSA-2 must echo), kind (pcd01, pcd04) and framed bytes.</summary>
public sealed record OutboundMessage(string DeviceKey, string Kind, string ControlId, byte[] Frame)
{
    public static OutboundMessage Of(string deviceKey, string kind, string controlId, string text) => new(deviceKey, kind, controlId, MllpFrame.Encode(text));
}
