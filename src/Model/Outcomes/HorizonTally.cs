using System.Text.Json.Nodes;

namespace WardTwin.Model.Outcomes;

/// <summary>A cohort over its horizon: courses, boosters, beds and chairs held, QALYs and costs, each per patient (summary.json's "horizon").</summary>
public sealed class HorizonTally
{
    private double _years;
    private string _utility = string.Empty;
    private long _courses, _boosterCourses, _boosterSessions, _retreated;
    private double _bedDays, _chairHours, _qalys, _qalysDiscounted, _cost, _costDiscounted;

    private double[] _costByYear = [];

    public int Patients { get; private set; }

    /// <summary>Undiscounted cost per patient falling in each year after the first course's start (the budget impact's input).</summary>
    public double[] CostByYearMean => [.. _costByYear.Select(c => Patients == 0 ? 0 : c / Patients)];

    public double QalysDiscountedMean => Patients == 0 ? 0 : _qalysDiscounted / Patients;

    public double QalysMean => Patients == 0 ? 0 : _qalys / Patients;

    public double CostDiscountedMean => Patients == 0 ? 0 : _costDiscounted / Patients;

    public double CostMean => Patients == 0 ? 0 : _cost / Patients;

    public void Add(HorizonOutcome h, double cost, double costDiscounted, double[] costByYear)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(costByYear);
        if (_costByYear.Length < costByYear.Length)
        {
            Array.Resize(ref _costByYear, costByYear.Length);
        }

        for (int y = 0; y < costByYear.Length; y++)
        {
            _costByYear[y] += costByYear[y];
        }

        Patients++;
        _years = h.Years;
        _utility = h.UtilityMapping;
        _courses += h.Courses;
        _retreated += h.Courses > 1 ? 1 : 0;
        _boosterCourses += h.BoosterCourses;
        _boosterSessions += h.BoosterSessions;
        _bedDays += h.BedDays;
        _chairHours += h.ChairHours;
        _qalys += h.Qalys;
        _qalysDiscounted += h.QalysDiscounted;
        _cost += cost;
        _costDiscounted += costDiscounted;
    }

    public JsonObject ToJson(string currency, double discountCosts, double discountEffects)
    {
        double n = Math.Max(Patients, 1);
        return new JsonObject
        {
            ["years"] = _years,
            ["utility_mapping"] = _utility,
            ["discount_costs"] = discountCosts,
            ["discount_effects"] = discountEffects,
            ["courses_per_patient"] = _courses / n,
            ["retreated_share"] = _retreated / n,
            ["booster_courses_per_patient"] = _boosterCourses / n,
            ["booster_sessions_per_patient"] = _boosterSessions / n,
            ["bed_days_per_patient"] = _bedDays / n,
            ["chair_hours_per_patient"] = _chairHours / n,
            ["qalys_per_patient"] = _qalys / n,
            ["qalys_per_patient_discounted"] = _qalysDiscounted / n,
            ["cost_per_patient"] = _cost / n,
            ["cost_per_patient_discounted"] = _costDiscounted / n,
            ["currency"] = currency,
        };
    }
}
