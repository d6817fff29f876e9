using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;

namespace WardTwin.Model.Simulation;

/// <summary>
/// A patient's pain score for every day of the horizon, from the courses' daily assessments and the weekly scores between
/// them (a score holds until the next one): what the QALYs are summed over, day by day, treatment days included.
/// </summary>
internal sealed class HorizonDays
{
    private readonly sbyte[] _nrs;

    public HorizonDays(double years)
    {
        _nrs = new sbyte[Length(years)];
        Reset();
    }

    /// <summary>Whether these days span <paramref name="years"/> (a reused one is kept only then).</summary>
    public bool Fits(double years) => _nrs.Length == Length(years);

    /// <summary>No day scored yet: a cohort's runner reuses the days from patient to patient.</summary>
    public void Reset() => Array.Fill(_nrs, (sbyte)-1);

    private static int Length(double years) => (int)Math.Round(years * Discounting.DaysPerYear);

    /// <summary>The course's treatment days from its daily scores (the first measure); days without one keep the score before. Returns the last score.</summary>
    public int Treatment(double startH, AdmissionOutcome o, int before)
    {
        int last = before;
        var daily = o.DailyNrs.Length > 0 ? o.DailyNrs[0] : [];
        int treatmentDays = (int)Math.Ceiling(o.TreatmentH / 24);
        for (int d = 0; d < treatmentDays; d++)
        {
            if (d < daily.Length && daily[d] >= 0)
            {
                last = daily[d];
            }

            Set(startH + (d * 24), last, 24);
        }

        return last;
    }

    /// <summary>A weekly score, held for the seven days from <paramref name="fromH"/>.</summary>
    public void Score(double fromH, int nrs) => Set(fromH, nrs, 7 * 24);

    private void Set(double fromH, int nrs, double forH)
    {
        int first = (int)Math.Floor(fromH / 24);
        int end = Math.Min(_nrs.Length, (int)Math.Floor((fromH + forH) / 24));
        for (int d = Math.Max(first, 0); d < end; d++)
        {
            _nrs[d] = (sbyte)nrs;
        }
    }

    /// <summary>QALYs over the horizon, undiscounted and discounted by year; a day with no score yet takes the one before it.</summary>
    public (double Qalys, double Discounted) Qalys(NrsUtility utility, double discountRate)
    {
        double q = 0, qd = 0;
        int last = _nrs.Length > 0 && _nrs[0] >= 0 ? _nrs[0] : 10;
        for (int d = 0; d < _nrs.Length; d++)
        {
            last = _nrs[d] >= 0 ? _nrs[d] : last;
            double u = utility.Utility(last) / Discounting.DaysPerYear;
            q += u;
            qd += u * Discounting.Factor(discountRate, d / Discounting.DaysPerYear);
        }

        return (q, qd);
    }
}
