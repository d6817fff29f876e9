using System.Globalization;

namespace WardTwin.DeviceData.Feed;

/// <summary>
/// MSH-10 message control ids, unique across this process's life and, through the start instant in the prefix,
/// across restarts: a receiver that de-duplicates on MSH-10 must not take a new message for a repeat.
/// </summary>
public sealed class ControlIds
{
    private readonly string _prefix = "WT" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("X", CultureInfo.InvariantCulture);
    private long _next;

    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{Interlocked.Increment(ref _next)}");
}
