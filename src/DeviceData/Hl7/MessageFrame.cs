using System.Text;

namespace WardTwin.DeviceData.Hl7;

/// <summary>The segments every WardTwin PCD message opens with: MSH (v2.6, the IHE PCD profile id in MSH-21), PID, PV1 and OBR.</summary>
internal static class MessageFrame
{
    /// <summary>IHE PCD TF-2 MSH-21 assigned OIDs.</summary>
    public const string Pcd01Profile = "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO";

    public const string Pcd04Profile = "IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.4.1^ISO";

    public static StringBuilder Open(MessageHeader h, DeviceIdentity d, string messageType, string profile, string controlId, DateTimeOffset at, string obr4)
    {
        string now = Hl7Text.Time(at);
        string eui = d.Eui64;
        var sb = new StringBuilder(1024);
        sb.Append($"MSH|^~\\&|{Hl7Text.Escape(h.SendingApplication)}^{eui}^EUI-64|{Hl7Text.Escape(h.SendingFacility)}|{Hl7Text.Escape(h.ReceivingApplication)}|{Hl7Text.Escape(h.ReceivingFacility)}|{now}||{messageType}|{controlId}|P|2.6|||AL|NE||UNICODE UTF-8|||{profile}\r");
        sb.Append($"PID|||{Hl7Text.Escape(d.AdmissionId)}^^^WardTwin^PI||Virtual^Patient {d.Patient}^^^^^L\r");
        sb.Append($"PV1||I|{Hl7Text.Escape(d.Ward)}^^{d.Bed}\r");
        sb.Append($"OBR|1|{controlId}^{Hl7Text.Escape(h.SendingApplication)}^{eui}^EUI-64|{controlId}^{Hl7Text.Escape(h.SendingApplication)}^{eui}^EUI-64|{obr4}|||{now}\r");
        return sb;
    }
}
