namespace WardTwin.Model.Capacity;

/// <summary>
/// Day-care chairs booked by session: a patient's course needs one chair on each of its session days (at the protocol's
/// session time) and none in between, so a chair is free between sessions and on closed days for others. A course
/// starts on the first open day, at or after the arrival, from which one chair is free on every session day.
/// </summary>
public sealed class ChairCalendar(int chairs, int horizonDays)
{
    private readonly bool[,] _booked = new bool[chairs, horizonDays];

    public int Chairs => chairs;

    /// <summary>Books the course; returns its first day, or null when no start fits before the horizon.</summary>
    /// <param name="sessionDays">Session days from the course's first day, for a start on a given weekday (0 = Monday).</param>
    public int? Book(int earliestDay, Func<int, IReadOnlyList<int>> sessionDays, Func<int, bool> open)
    {
        for (int day = earliestDay; day < horizonDays; day++)
        {
            if (!open(day))
            {
                continue;
            }

            var offsets = sessionDays(day % 7);
            if (offsets.Any(o => day + o >= horizonDays || !open(day + o)))
            {
                continue;
            }

            for (int c = 0; c < chairs; c++)
            {
                if (offsets.All(o => !_booked[c, day + o]))
                {
                    foreach (int o in offsets)
                    {
                        _booked[c, day + o] = true;
                    }

                    return day;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a chair holds a session on a day (for tests and utilisation).</summary>
    public bool IsBooked(int chair, int day) => _booked[chair, day];
}
