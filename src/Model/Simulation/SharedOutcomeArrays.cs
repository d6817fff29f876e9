using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>
/// One array per distinct value of an outcome's worst side-effect grades and of its alarms, handed to every outcome of that
/// value: a cohort's outcomes are thousands, these values a few dozen, and they are values that no reader writes (outcomes
/// copied with <c>with</c> share their arrays the same way). One per workspace, so one thread's outcomes share them; an
/// admission made by hand (a grain's) makes its own.
/// </summary>
internal sealed class SharedOutcomeArrays
{
    private readonly Dictionary<long, SideEffectGrade[]> _grades = [];
    private readonly Dictionary<long, bool[]> _alarms = [];

    /// <summary>The array equal to <paramref name="grades"/>.</summary>
    public SideEffectGrade[] Grades(ReadOnlySpan<SideEffectGrade> grades)
    {
        // Two bits a grade after a leading 1, so lengths differ in the key too (up to 30 kinds).
        long key = 1;
        foreach (var g in grades)
        {
            key = (key << 2) | (long)g;
        }

        if (grades.Length > 30 || !_grades.TryGetValue(key, out var shared))
        {
            shared = grades.ToArray();
            if (grades.Length <= 30)
            {
                _grades[key] = shared;
            }
        }

        return shared;
    }

    /// <summary>The array of <paramref name="count"/> flags whose bit i in <paramref name="mask"/> is flag i.</summary>
    public bool[] Alarms(int mask, int count)
    {
        long key = ((long)count << 32) | (uint)mask;
        if (!_alarms.TryGetValue(key, out var shared))
        {
            shared = new bool[count];
            for (int i = 0; i < count; i++)
            {
                shared[i] = (mask & (1 << i)) != 0;
            }

            _alarms[key] = shared;
        }

        return shared;
    }
}
