namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// Where a device stands and whose it is: the ward and bed (PV1-3), the admission (PID-3) and the device's own
/// identifier (OBX-18 of its MDS row, an EUI-64-like 16 hex digits derived from its admission and kind).
/// </summary>
public sealed record DeviceIdentity(string Ward, int Bed, string AdmissionId, int Patient, DeviceKind Kind)
{
    /// <summary>"ward-1/3/monitor": the key one connection per device uses.</summary>
    public string Key => $"{AdmissionId}/{(Kind == DeviceKind.Monitor ? "monitor" : "pump")}";

    /// <summary>A stable 64-bit identifier (FNV-1a of the key) written as 16 hex digits.</summary>
    public string Eui64
    {
        get
        {
            ulong h = 14695981039346656037UL;
            foreach (char c in Key)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            return h.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

public enum DeviceKind
{
    Monitor,
    Pump,
}
