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
    /// <summary>Undiscounted cost in each year of the horizon by when each course starts (a course is billed in the year it starts).</summary>
    public static double[] ByYear(CostCalculator calculator, Protocol protocol, AdmissionOutcome o)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(o);
        var h = o.Horizon ?? throw new ArgumentException("a patient followed for years", nameof(o));
        var years = new double[Math.Max(1, (int)Math.Ceiling(h.Years))];
        years[0] = calculator.Cost(protocol, o).Total;
        Protocol? booster = null;
        for (int i = 0; i < h.LaterCourses.Length; i++)
        {
            var p = h.LaterCourseIsBooster[i] ? booster ??= protocol.RetreatmentOrNone.Booster(protocol) : protocol;
            years[Math.Min(years.Length - 1, (int)Math.Floor(h.LaterCourseStartYears[i]))] += calculator.Cost(p, h.LaterCourses[i]).Total;
        }

        return years;
    }

    public static double Total(CostCalculator calculator, Protocol protocol, AdmissionOutcome o, double discountRate)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(o);
        double total = calculator.Cost(protocol, o).Total;
        if (o.Horizon is not { } h)
        {
            return total;
        }

        Protocol? booster = null;
        for (int i = 0; i < h.LaterCourses.Length; i++)
        {
            var p = h.LaterCourseIsBooster[i] ? booster ??= protocol.RetreatmentOrNone.Booster(protocol) : protocol;
            total += calculator.Cost(p, h.LaterCourses[i]).Total * Discounting.Factor(discountRate, h.LaterCourseStartYears[i]);
        }

        return total;
    }
}
