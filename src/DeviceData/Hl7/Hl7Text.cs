using System.Globalization;
using System.Text;

namespace WardTwin.DeviceData.Hl7;

/// <summary>HL7 v2 text rules: escaping the delimiters (|^~\&amp;), timestamps with their offset, numbers with the precision a device shows.</summary>
public static class Hl7Text
{
    /// <summary>Free text as one HL7 component: delimiters and the escape character escaped (v2.6 §2.7), line breaks as spaces.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '\\' => @"\E\",
                '|' => @"\F\",
                '^' => @"\S\",
                '&' => @"\T\",
                '~' => @"\R\",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>DTM to the second with its UTC offset (yyyyMMddHHmmss+0000), as IHE PCD's examples write it.</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>A numeric value with a fixed number of decimals (the precision the device shows; PCD keeps trailing zeros).</summary>
    public static string Number(double value, int decimals) => Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
