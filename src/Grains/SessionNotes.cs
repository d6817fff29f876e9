namespace WardTwin.Grains;

/// <summary>The instructor's notes and bookmarks: one line of 1-500 characters on a trainee's record, at the ward's time, on a bed or the ward.</summary>
internal static class SessionNotes
{
    private const int MaxNote = 500;

    public static async Task<List<RecordedEntry>> EntriesAsync(IGrainFactory grains, string sessionId, IEnumerable<string> trainees, int? bed, string text, TimeProvider time)
    {
        string note = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        if (note.Length is 0 or > MaxNote)
        {
            throw new ArgumentException($"text: a note is 1-{MaxNote} characters, not {note.Length}");
        }

        var entries = new List<RecordedEntry>();
        foreach (var trainee in trainees)
        {
            var status = await grains.GetGrain<IWardGrain>(new TraineeWardKey(sessionId, trainee).ToString()).GetStatusAsync();
            if (bed is { } b && (b < 1 || b > status.BedList.Count))
            {
                throw new ArgumentException($"bed: {b} does not exist on a ward of {status.BedList.Count}");
            }

            entries.Add(new RecordedEntry(RecordedKind.Annotation, trainee, bed ?? 0, status.SimTimeH, time.GetUtcNow().ToUnixTimeMilliseconds(), $"instructor: {note}"));
        }

        return entries;
    }
}
