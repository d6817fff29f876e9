using System.Globalization;

namespace WardTwin.DeviceData.Mllp;

/// <summary>Where an MLLP receiver listens, from "mllp://HOST:PORT" (the form the command line and configuration take).</summary>
public sealed record MllpEndpoint(string Host, int Port)
{
    public static MllpEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "mllp" || uri.Port is <= 0 or > 65535 || uri.Host.Length == 0 || uri.AbsolutePath is not ("" or "/"))
        {
            throw new ArgumentException($"'{text}' is not an MLLP address: expected mllp://HOST:PORT");
        }

        return new MllpEndpoint(uri.Host, uri.Port);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mllp://{Host}:{Port}");
}
