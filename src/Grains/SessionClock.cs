using System.Globalization;

namespace WardTwin.Grains;

/// <summary>
/// The trainee wards' clocks as a session changes them (started, paused, resumed, a speed, a jump to a review), each change
/// returned as a record entry: answer windows in real seconds are counted from them.
/// </summary>
internal sealed class SessionClock(IGrainFactory grains, string sessionId, TimeProvider time)
{
    /// <summary>Applies a change to each trainee's ward and says what the clock is now.</summary>
    public async Task<List<RecordedEntry>> ChangeAsync(IEnumerable<string> trainees, Func<IWardGrain, Task> change, string why)
    {
        var entries = new List<RecordedEntry>();
        foreach (var trainee in trainees)
        {
            await change(Ward(trainee));
            entries.Add(Entry(trainee, await Ward(trainee).GetStatusAsync(), why, null, time));
        }

        return entries;
    }

    /// <summary>Moves each trainee's ward to its next titration review; the latest ward hour reached, or null when none has a review left.</summary>
    public async Task<(List<RecordedEntry> Entries, double? Latest)> JumpToNextReviewAsync(IEnumerable<string> trainees, Func<WardStatus, Task<double?>> nextReview)
    {
        var entries = new List<RecordedEntry>();
        double? latest = null;
        foreach (var trainee in trainees)
        {
            var status = await Ward(trainee).GetStatusAsync();
            if (await nextReview(status) is { } target && target > status.SimTimeH)
            {
                var jumped = await Ward(trainee).JumpToAsync(target);
                entries.Add(Entry(trainee, jumped, "jumped to the next review", status.SimTimeH, time));
                latest = Math.Max(latest ?? target, target);
            }
        }

        return (entries, latest);
    }

    /// <param name="jumpedFromH">Where the ward was before a jump (null: no jump).</param>
    public static RecordedEntry Entry(string trainee, WardStatus status, string why, double? jumpedFromH, TimeProvider time)
    {
        string speed = double.IsPositiveInfinity(status.TimeScale) ? "as fast as possible" : $"speed {status.TimeScale.ToString("0.###", CultureInfo.InvariantCulture)}";
        return new RecordedEntry(RecordedKind.ClockChanged, trainee, 0, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(),
            $"clock: {why} ({(status.Running ? "running" : "paused")}, {speed})", Running: status.Running, TimeScale: status.TimeScale, JumpedFromH: jumpedFromH);
    }

    private IWardGrain Ward(string trainee) => grains.GetGrain<IWardGrain>(new TraineeWardKey(sessionId, trainee).ToString());
}
