using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>
/// A patient's chart history, drawn when a page asks from a replay of the admission: a point per step of
/// ward time (a minute at first, so a training session's changes show where they happened); when full, every other
/// point goes and the step doubles, so a 7-day chart has at most 240. An input by hand always gets its own point.
/// Apart from the chart, the bedside at each of <paramref name="moments"/> (ward hours), taken before an input at that
/// instant is applied: what a page showed when an alarm rose or an event came.
/// </summary>
internal sealed class PatientChart(IReadOnlyList<double>? moments = null)
{
    private const int Capacity = 240;
    private readonly List<PatientHistoryPoint> _points = new(16);
    private readonly double[] _moments = [.. (moments ?? []).Order()];
    private readonly List<PatientHistoryPoint> _atMoments = [];
    private int _nextMoment;
    private double _stepH = 1.0 / 60;

    public IReadOnlyList<PatientHistoryPoint> Points => _points.ToArray();

    public IReadOnlyList<PatientHistoryPoint> AtMoments => _atMoments.ToArray();

    public void Remember(double wardTimeH, Admission walk, bool always = false)
    {
        if (!always && _points.Count > 0 && wardTimeH - _points[^1].WardTimeH < _stepH)
        {
            return;
        }

        _points.Add(BedsideViews.Point(wardTimeH, walk));
        if (_points.Count >= Capacity)
        {
            for (int i = _points.Count - 1; i > 0; i -= 2)
            {
                _points.RemoveAt(i - 1);
            }

            _stepH *= 2;
        }
    }

    /// <summary>Moves a replayed walk to <paramref name="untilWalkH"/> one chart step at a time, remembering each.</summary>
    public void Redraw(double admittedAtH, Admission walk, double untilWalkH)
    {
        double t = walk.ClockH;
        while (_nextMoment < _moments.Length && _moments[_nextMoment] < admittedAtH + t)
        {
            _nextMoment++; // before this walk's time: not replayed, not shown
        }

        while (t < untilWalkH)
        {
            t = Math.Min(untilWalkH, t + _stepH);
            for (; _nextMoment < _moments.Length && _moments[_nextMoment] <= admittedAtH + t; _nextMoment++)
            {
                walk.AdvanceTo(_moments[_nextMoment] - admittedAtH);
                _atMoments.Add(BedsideViews.Point(_moments[_nextMoment], walk));
            }

            walk.AdvanceTo(t);
            Remember(admittedAtH + t, walk);
        }
    }
}
