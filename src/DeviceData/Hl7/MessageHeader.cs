namespace WardTwin.DeviceData.Hl7;

/// <summary>MSH-3..6 as configured (a receiver often routes on them), and the control id of one message (MSH-10, echoed in MSA-2).</summary>
public sealed record MessageHeader(string SendingApplication, string SendingFacility, string ReceivingApplication, string ReceivingFacility)
{
    public static MessageHeader Default { get; } = new("WARDTWIN", "WardTwin", "", "");
}
