namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// An HL7 v2 ACK as the sender reads it: MSA-1 (AA accept, AE error, AR reject; CA/CE/CR in enhanced mode), MSA-2
/// (the MSH-10 it answers) and MSA-3 or ERR-8 text, when given.
/// </summary>
public sealed record Acknowledgement(string Code, string ControlId, string? Text)
{
    public bool Accepted => Code is "AA" or "CA";

    /// <summary>AE/CE: the receiver found an error in this message; sending the same bytes again cannot help.</summary>
    public bool Error => Code is "AE" or "CE";

    /// <summary>The ACK's MSA segment; null when the text has none (not an acknowledgement).</summary>
    public static Acknowledgement? Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? text = null;
        Acknowledgement? ack = null;
        foreach (var segment in message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = segment.Split('|');
            if (fields[0] == "MSA" && fields.Length > 2)
            {
                ack = new Acknowledgement(fields[1], fields[2], fields.Length > 3 && fields[3].Length > 0 ? fields[3] : null);
            }
            else if (fields[0] == "ERR" && fields.Length > 8 && fields[8].Length > 0)
            {
                text ??= fields[8];
            }
        }

        return ack is null ? null : ack with { Text = ack.Text ?? text };
    }

    /// <summary>An original-mode ACK for a message (what a receiver answers): MSH with the fields swapped, MSA-1 and MSA-2.</summary>
    public static string For(string message, string code, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        int end = message.IndexOf('\r', StringComparison.Ordinal);
        var msh = (end < 0 ? message : message[..end]).Split('|');
        string Field(int n) => msh.Length > n - 1 ? msh[n - 1] : string.Empty; // MSH-1 is the separator itself, so MSH-n is index n-1
        string trigger = Field(9).Split('^') is { Length: > 1 } t ? t[1] : string.Empty;
        return $"MSH|^~\\&|{Field(5)}|{Field(6)}|{Field(3)}|{Field(4)}|{Field(7)}||ACK^{trigger}^ACK|{Field(10)}A|P|{Field(12)}\rMSA|{code}|{Field(10)}{(text is null ? string.Empty : "|" + text)}\r";
    }
}
