using WardTwin.Model.Costs;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Economics;

/// <summary>
/// A patient's bill over the horizon: the first course as a one-course run prices it, and each later course (a repeat, or a
/// booster priced as the shorter protocol it is) at the same prices, discounted by the year it starts in at the country's rate for costs.
/// </summary>
public static class HorizonCosts
{
    /// <summary>Each later course's cost and the year (since the first course's start) it starts in; the first course is priced by the caller.</summary>
    public static (double StartYears, double Cost)[] LaterCourses(CostCalculator calculator, Protocol protocol, HorizonOutcome h)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(h);
        var courses = new (double, double)[h.LaterCourses.Length];
        Protocol? booster = null;
        for (int i = 0; i < courses.Length; i++)
        {
            var p = h.LaterCourseIsBooster[i] ? booster ??= protocol.RetreatmentOrNone.Booster(protocol) : protocol;
            courses[i] = (h.LaterCourseStartYears[i], calculator.Cost(p, h.LaterCourses[i]).Total);
        }

        return courses;
    }

    /// <summary>The first course's cost plus the later courses', each discounted by the year it starts in.</summary>
    public static double Discounted(double firstCourse, IEnumerable<(double StartYears, double Cost)> later, double discountRate)
    {
        // Added course by course onto the first, in course order: the same sum, bit for bit, wherever it is taken.
        double total = firstCourse;
        foreach (var (start, cost) in later ?? [])
        {
            total += cost * Discounting.Factor(discountRate, start);
        }

        return total;
    }

    /// <summary>Undiscounted cost in each year of the horizon, a course billed in the year it starts.</summary>
    public static double[] ByYear(double firstCourse, IEnumerable<(double StartYears, double Cost)> later, double years)
    {
        var byYear = new double[Math.Max(1, (int)Math.Ceiling(years))];
        byYear[0] = firstCourse;
        foreach (var (start, cost) in later)
        {
            byYear[Math.Min(byYear.Length - 1, (int)Math.Floor(start))] += cost;
        }

        return byYear;
    }

    /// <summary>A patient's whole bill over the horizon at <paramref name="discountRate"/> (the first course alone when not followed for years).</summary>
    public static double Total(CostCalculator calculator, Protocol protocol, AdmissionOutcome o, double discountRate)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(o);
        double first = calculator.Cost(protocol, o).Total;
        return o.Horizon is { } h ? Discounted(first, LaterCourses(calculator, protocol, h), discountRate) : first;
    }
}
