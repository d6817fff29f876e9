using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Model.Economics;

/// <summary>
/// The hospital's yearly spend on each strategy when N patients a year start it (ISPOR: Sullivan et al. 2014, Value
/// Health 17:5–14): year y pays for every yearly intake so far, each in its own year since starting; undiscounted.
/// </summary>
public static class BudgetImpact
{
    public static JsonObject Json(IReadOnlyList<CohortTotals> totals, double patientsPerYear, int years, string currency)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var byStrategy = new JsonArray();
        double[]? comparator = null;
        foreach (var t in totals)
        {
            var perYear = Yearly(t.Horizon?.CostByYear ?? [t.CostPerPatient], patientsPerYear, years);
            comparator ??= perYear;
            byStrategy.Add(new JsonObject
            {
                ["protocol"] = t.Protocol,
                ["cost_by_year"] = new JsonArray([.. perYear.Select(c => (JsonNode)Math.Round(c))]),
                ["difference_vs_comparator_by_year"] = new JsonArray([.. perYear.Select((c, y) => (JsonNode)Math.Round(c - comparator[y]))]),
                ["total"] = Math.Round(perYear.Sum()),
            });
        }

        return new JsonObject
        {
            ["patients_per_year"] = patientsPerYear,
            ["years"] = years,
            ["currency"] = currency,
            ["discounted"] = false,
            ["source"] = "ISPOR budget impact practice (Sullivan et al. 2014, Value Health 17:5-14): payer's view, undiscounted",
            ["strategies"] = byStrategy,
        };
    }

    /// <summary>Year y's spend: the intakes of years 0..y, each at its cost for the year it has reached.</summary>
    public static double[] Yearly(IReadOnlyList<double> costByYearSinceStart, double patientsPerYear, int years)
    {
        ArgumentNullException.ThrowIfNull(costByYearSinceStart);
        var spend = new double[years];
        for (int y = 0; y < years; y++)
        {
            for (int k = 0; k <= y; k++)
            {
                int since = y - k;
                spend[y] += patientsPerYear * (since < costByYearSinceStart.Count ? costByYearSinceStart[since] : 0);
            }
        }

        return spend;
    }
}
