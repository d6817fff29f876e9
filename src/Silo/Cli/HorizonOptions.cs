using System.CommandLine;
using WardTwin.Model.Economics;

namespace WardTwin.Silo.Cli;

/// <summary>A cohort followed for years: the horizon, the NRS-to-utility mapping of its QALYs, and a budget impact for a number of patients a year.</summary>
internal sealed class HorizonOptions
{
    // No default value: left out means the price file's country default (2 years in the shipped files); 0 the first course alone.
    private readonly Option<int?> _years = new("--horizon-years")
    {
        Description = "Follow every patient 1-5 years: relief lost is retreated as each protocol says, QALYs day by day and costs discounted at the price file's country rates (default: the price file's, 2 years; 0: the first course alone)",
    };

    private readonly Option<string> _utility = new("--utility")
    {
        Description = "NRS-to-utility mapping of the QALYs over the horizon: dixon (Dixon 2011, the default) or linear (0.85 - 0.05 x NRS, assumed: the sensitivity analysis)",
        DefaultValueFactory = _ => "dixon",
    };

    private readonly Option<double?> _budgetImpact = new("--budget-impact")
    {
        Description = "Patients treated a year: each strategy's yearly cost for the hospital over the horizon, undiscounted (ISPOR), and the difference",
    };

    public HorizonOptions() => _utility.AcceptOnlyFromAmong("dixon", "linear");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { _years, _utility, _budgetImpact })
        {
            command.Options.Add(o);
        }
    }

    public (int? Years, UtilityMap Utility, double? BudgetImpact) Read(ParseResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return (r.GetValue(_years), r.GetValue(_utility) == "linear" ? UtilityMap.Linear : UtilityMap.Dixon, r.GetValue(_budgetImpact));
    }
}
