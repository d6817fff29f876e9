using System.Text;

namespace WardTwin.DeviceData.Mllp;

/// <summary>
/// MLLP framing (HL7 v2 Transport Specification: MLLP release 2): a start block 0x0B, the message, then 0x1C 0x0D.
/// Messages travel as UTF-8, as MSH-18 declares.
/// </summary>
public static class MllpFrame
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>A message as the bytes of one frame, built once so a retry resends the same bytes.</summary>
    public static byte[] Encode(string message)
    {
        int length = Encoding.UTF8.GetByteCount(message);
        var frame = new byte[length + 3];
        frame[0] = StartBlock;
        Encoding.UTF8.GetBytes(message, 0, message.Length, frame, 1);
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        return frame;
    }
}
