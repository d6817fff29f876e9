namespace WardTwin.Model.Training;

/// <summary>
/// Where an answer window closes, in ward hours. In simulated time it is the occasion plus the window. In real seconds
/// (<see cref="AnswerWindows.Real"/>) it is where the ward's clock stood once the trainee had lived through the window's
/// seconds while it ran: each simulated second at speed k is 1/k of a real one, a jump forward takes none, and a pause
/// moves neither. Built from the record's clock changes, so the same record always gives the same deadlines.
/// </summary>
public sealed class AnswerClock
{
    private readonly AnswerWindows _kind;
    private readonly double _initialScale;
    private readonly (double H, double Scale)[] _speeds;
    private readonly (double FromH, double ToH)[] _jumps;

    public AnswerClock(AnswerWindows kind, double initialScale, IEnumerable<ClockChanged> changes)
    {
        _kind = kind;
        _initialScale = initialScale;
        var list = changes.OrderBy(c => c.SimTimeH).ToArray();
        _speeds = [.. list.Select(c => (c.SimTimeH, c.TimeScale))];
        _jumps = [.. list.Where(c => c.JumpedFromH is { } a && a < c.SimTimeH).Select(c => (c.JumpedFromH!.Value, c.SimTimeH))];
    }

    public AnswerWindows Kind => _kind;

    /// <summary>The ward hour at which a window of <paramref name="windowH"/> hours opened at <paramref name="fromH"/> closes (+∞ while the ward runs as fast as it can).</summary>
    public double DeadlineH(double fromH, double windowH)
    {
        if (_kind == AnswerWindows.Simulated || double.IsPositiveInfinity(windowH))
        {
            return fromH + windowH;
        }

        double t = fromH, realS = windowH * 3600;
        while (true)
        {
            if (_jumps.FirstOrDefault(j => t >= j.FromH && t < j.ToH) is { ToH: > 0 } inJump)
            {
                t = inJump.ToH;
                continue;
            }

            double scale = ScaleAt(t);
            double next = NextBoundary(t);
            double available = double.IsPositiveInfinity(scale) ? 0 : (next - t) * 3600 / scale;
            if (available >= realS)
            {
                return t + (realS * scale / 3600);
            }

            if (double.IsPositiveInfinity(next))
            {
                return double.PositiveInfinity;
            }

            realS -= available;
            t = next;
        }
    }

    private double ScaleAt(double t)
    {
        double scale = _initialScale;
        foreach (var (h, s) in _speeds)
        {
            if (h > t)
            {
                break;
            }

            scale = s;
        }

        return scale;
    }

    private double NextBoundary(double t)
    {
        double next = double.PositiveInfinity;
        foreach (var (h, _) in _speeds)
        {
            if (h > t)
            {
                next = Math.Min(next, h);
                break;
            }
        }

        foreach (var (from, _) in _jumps)
        {
            if (from > t)
            {
                next = Math.Min(next, from);
            }
        }

        return next;
    }
}
