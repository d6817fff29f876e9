using Hl7.Fhir.Model;
using WardTwin.DeviceData.Codes;
using WardTwin.DeviceData.Hl7;

namespace WardTwin.DeviceData.Fhir;

/// <summary>The code systems of the FHIR output and the LOINC codes of data/codes/device-codes.json as FHIR codings.</summary>
public static class Loinc
{
    public const string System = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>IEEE 11073-10101 in FHIR (the PoCD IG's system).</summary>
    public const string Mdc = "urn:iso:std:iso:11073:10101";

    public const string Identifiers = "urn:wardtwin:admission";
    public const string DeviceIds = "urn:wardtwin:device";

    public static Coding Code(string name)
    {
        var e = DeviceCodeTable.Shipped.Loinc(name);
        return new Coding(System, e.GetProperty("code").GetString(), e.GetProperty("display").GetString());
    }

    /// <summary>The second LOINC code an entry names beside its first (SpO2: 2708-6 beside 59408-5).</summary>
    public static Coding Also(string name)
    {
        var e = DeviceCodeTable.Shipped.Loinc(name);
        return new Coding(System, e.GetProperty("also").GetString(), e.GetProperty("also_display").GetString());
    }

    public static Coding Of(MdcCode code) => new(Mdc, code.Code.ToString(global::System.Globalization.CultureInfo.InvariantCulture), code.RefId);

    public static Quantity Quantity(double value, int decimals, string ucum) =>
        new() { Value = (decimal)Math.Round(value, decimals), Unit = ucum, System = Ucum, Code = ucum };
}
