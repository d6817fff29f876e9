using System.Globalization;

namespace WardTwin.Grains;

/// <summary>The record's entries for a trainee ward's clock (started, paused, resumed, a speed, a jump) and the instructor's notes.</summary>
internal static class SessionClock
{
    private const int MaxNote = 500;

    /// <param name="jumpedFromH">Where the ward was before a jump (null: no jump).</param>
    public static RecordedEntry Entry(string trainee, WardStatus status, string why, double? jumpedFromH, TimeProvider time)
    {
        string speed = double.IsPositiveInfinity(status.TimeScale) ? "as fast as possible" : $"speed {status.TimeScale.ToString("0.###", CultureInfo.InvariantCulture)}";
        return new RecordedEntry(RecordedKind.ClockChanged, trainee, 0, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"clock: {why} ({(status.Running ? "running" : "paused")}, {speed})", Running: status.Running, TimeScale: status.TimeScale, JumpedFromH: jumpedFromH);
    }

    /// <summary>An instructor's note as recorded: one line of 1-500 characters.</summary>
    public static string Note(string text)
    {
        string line = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return line.Length is > 0 and <= MaxNote
            ? line
            : throw new ArgumentException($"text: a note is 1-{MaxNote} characters, not {line.Length}");
    }
}
