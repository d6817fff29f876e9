using System.Text;

namespace WardTwin.DeviceData.Hl7;

/// <summary>Numbers OBX rows (OBX-1) as they are appended to a message and writes the common shapes: a containment row (OBX-11 X) and a numeric.</summary>
internal sealed class ObxWriter(StringBuilder message)
{
    private int _n;

    /// <summary>A containment row (MDS, VMD or channel): no value type or value, OBX-11 X; the MDS carries the equipment id in OBX-18.</summary>
    public void Header(MdcCode code, string subId, string? equipment = null) =>
        message.Append($"OBX|{++_n}||{code.Cwe}|{subId}|||||||X|||||||{equipment}\r");

    /// <summary>A numeric metric (NM) with its units, result status R (not verified: as the device measured it), and observation time.</summary>
    public void Numeric(MdcCode code, string subId, string value, MdcUnit unit, string time) =>
        message.Append($"OBX|{++_n}|NM|{code.Cwe}|{subId}|{value}|{unit.Cwe}|||||R|||{time}\r");

    /// <summary>A string metric or an alert facet (ST or CWE), with result status.</summary>
    public void Text(string type, MdcCode code, string subId, string value, string status, string? time = null, string? abnormal = null) =>
        message.Append($"OBX|{++_n}|{type}|{code.Cwe}|{subId}|{value}|||{abnormal}|||{status}|||{time}\r");

    /// <summary>A numeric with a final result status (the value an alarm fired on).</summary>
    public void NumericFinal(MdcCode code, string subId, string value, MdcUnit unit, string time) =>
        message.Append($"OBX|{++_n}|NM|{code.Cwe}|{subId}|{value}|{unit.Cwe}|||||F|||{time}\r");
}
