namespace WardTwin.Dashboard.Api;

/// <summary>The pump's keys a user can press from the page (the route segment of /pump/{key}).</summary>
public enum PumpKey
{
    Start,
    Pause,
    Resume,
    Stop,
    Bag,
}

/// <summary>Reads a key from the URL by name, any case; numbers and unknown names are refused.</summary>
public static class PumpKeys
{
    public static PumpKey Parse(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && Enum.TryParse<PumpKey>(key, ignoreCase: true, out var parsed)
            ? parsed
            : throw ApiException.Bad("key", $"'{key}' is not one of {string.Join(", ", Enum.GetNames<PumpKey>()).ToLowerInvariant()}");
}
