using System.Globalization;
using WardTwin.Grains;
using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Vitals;

namespace WardTwin.Application.Planner;

/// <summary>
/// A planner run's inputs, every file read and checked before anything is simulated, so a bad file or a misspelt
/// name costs nothing computed: protocols (comparator first), populations, parameters with overrides, prices.
/// </summary>
internal sealed class PlannerInputs
{
    private PlannerInputs(PlannerRunRequest request, DataCatalog catalog)
    {
        Request = request;
        Catalog = catalog;
    }

    public PlannerRunRequest Request { get; }

    public DataCatalog Catalog { get; }

    /// <summary>Protocol ids or paths as given, comparator first.</summary>
    public IReadOnlyList<string> ProtocolArgs { get; private set; } = [];

    public IReadOnlyList<Protocol> Protocols { get; private set; } = [];

    public IReadOnlyDictionary<string, Cohort> CohortOf { get; private set; } = new Dictionary<string, Cohort>();

    public ParameterFile ParameterFile { get; private set; } = null!;

    public string ParametersPath { get; private set; } = string.Empty;

    /// <summary>The parameter file's text when overrides changed it (null: the file on disk as it is).</summary>
    public string? ParametersJson { get; private set; }

    public PriceList Prices { get; private set; } = null!;

    /// <summary>Years every patient is followed: as asked, else the price file's country default; 0 the first course alone.</summary>
    public int HorizonYears { get; private set; }

    /// <summary>Willingness to pay per extra T1 responder (one-way analysis, a decision on responders): as asked, else the price file's assumed value.</summary>
    public double? WtpPerResponder { get; private set; }

    public IReadOnlyList<string> AlarmNames { get; private set; } = [];

    public RunInputs Inputs { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Changed { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, double>>();

    public IReadOnlyDictionary<string, string?> Options { get; private set; } = new Dictionary<string, string?>();

    public static PlannerInputs Read(DataCatalog catalog, PlannerRunRequest request, IPlannerObserver observer)
    {
        if (request.Protocols.Count == 0)
        {
            throw new ArgumentException("--protocol: give one protocol or more");
        }

        if (request.Patients < 1)
        {
            throw new ArgumentException($"--patients: must be a whole number >= 1, got {request.Patients}");
        }

        if (request.HorizonYears is < 0 or > Model.Simulation.HorizonSettings.MaxYears)
        {
            throw new ArgumentException($"--horizon-years: must be a whole number of years 1-{Model.Simulation.HorizonSettings.MaxYears} (0: the first course alone), got {request.HorizonYears}");
        }

        if (request.BudgetImpactPatientsPerYear is { } perYear && !(perYear > 0 && double.IsFinite(perYear)))
        {
            throw new ArgumentException($"--budget-impact: must be a number of patients a year > 0, got {perYear.ToString(CultureInfo.InvariantCulture)}");
        }

        if (request.BudgetImpactPatientsPerYear is not null && request.HorizonYears == 0)
        {
            throw new ArgumentException("--budget-impact: needs a horizon of years (--horizon-years 1-5, or left out for the country's default), not 0");
        }

        PlannerNumbers.Check(request);

        var run = new PlannerInputs(request, catalog);
        var parameterOverrides = request.ParameterOverrides ?? new Dictionary<string, double>();
        run.ParametersPath = request.ParametersPath ?? catalog.DefaultParametersPath;
        var shipped = ParameterFile.Load(run.ParametersPath);
        run.ParameterFile = shipped.WithOverrides(parameterOverrides, "--param");
        run.ParametersJson = parameterOverrides.Count > 0 ? run.ParameterFile.ToJson() : null;
        var parameters = ModelParameters.From(run.ParameterFile);
        foreach (var (name, value) in parameterOverrides)
        {
            observer.ParameterOverridden(name, value, shipped.Entries[name].Value);
        }

        var priceOverrides = request.PriceOverrides ?? new Dictionary<string, double>();
        run.Prices = priceOverrides.Aggregate(catalog.LoadPrices(request.Prices), (p, o) => p.Items.ContainsKey(o.Key)
            ? p.With(o.Key, o.Value, "a planner's own figure")
            : throw new ArgumentException($"--price: '{o.Key}={o.Value.ToString(CultureInfo.InvariantCulture)}' names no price item of {p.Region}; known: {string.Join(", ", p.Items.Keys.Order(StringComparer.Ordinal))}"));
        request.RulesOrDefault.CheckAgainst(run.Prices);
        var conventions = run.Prices.ConventionsOrDefault;
        run.HorizonYears = request.HorizonYears ?? (run.Prices.Conventions is null ? 0 : conventions.DefaultHorizonYears);
        run.WtpPerResponder = request.Sensitivity?.Wtp ?? conventions.AssumedWtpPerResponder;
        if (request.Sensitivity?.OneWay == true && run.WtpPerResponder is null)
        {
            throw new ArgumentException($"--wtp: the price file ({run.Prices.Region}) gives no assumed willingness to pay per responder for the one-way analysis; give --wtp");
        }

        if (run.HorizonYears == 0 && request.BudgetImpactPatientsPerYear is not null)
        {
            throw new ArgumentException($"--budget-impact: needs a horizon of years; the price file ({run.Prices.Region}) has no default, give --horizon-years 1-5");
        }
        ReadProtocols(run, catalog, request);
        CheckAnalyses(run, request);
        run.AlarmNames = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        run.Inputs = new RunInputs(catalog, run.ProtocolArgs, run.Protocols.Select(p => request.Cohort ?? p.Cohort).ToArray(), request.Cohort, request.Prices, request.ParametersPath);
        run.Changed = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal) { ["param"] = parameterOverrides, ["price"] = priceOverrides };
        var rules = request.RulesOrDefault;
        run.Options = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["comparator"] = run.Protocols[0].Id,
            ["cohort"] = request.Cohort,
            ["placebo"] = request.Placebo ? "true" : null,
            ["patients"] = request.Patients.ToString(CultureInfo.InvariantCulture),
            ["perspective"] = rules.Perspective.ToString().ToLowerInvariant(),
            ["price_basis"] = rules.Basis == PriceBasis.Full ? "full" : "staff-excluded",
            ["horizon_years"] = run.HorizonYears > 0 ? run.HorizonYears.ToString(CultureInfo.InvariantCulture) + (request.HorizonYears is null ? " (the price file's default)" : string.Empty) : null,
            ["utility"] = run.HorizonYears > 0 ? (request.Utility == UtilityMap.Dixon ? "dixon-2011" : "linear") : null,
        };
        return run;
    }

    /// <summary>Protocol i's cohort as the engines take it: the files as text, so any silo can run it.</summary>
    public CohortRequest CohortRequest(int i, int patients, string? parametersJson) =>
        Grains.CohortRequest.FromCatalog(Catalog, ProtocolArgs[i], patients, Request.Seed, Request.Placebo, ParametersPath, parametersJson, Request.Cohort) with
        {
            HorizonYears = HorizonYears,
            LinearUtility = Request.Utility == UtilityMap.Linear,
            EffectDiscountRate = Prices.ConventionsOrDefault.DiscountEffects,
        };

    private static void ReadProtocols(PlannerInputs run, DataCatalog catalog, PlannerRunRequest request)
    {
        var args = request.Protocols.ToList();
        var protocols = args.Select(a =>
        {
            var p = catalog.LoadProtocol(a);
            return request.Placebo ? p.AsPlacebo() : p;
        }).ToList();
        var duplicate = protocols.GroupBy(j => j.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"--protocol: '{duplicate.Key}' is given twice");
        }

        if (request.Comparator is { } comparator)
        {
            int at = protocols.FindIndex(j => j.Id == comparator);
            if (at < 0)
            {
                throw new ArgumentException($"--comparator: '{comparator}' is not one of the protocols run ({string.Join(", ", protocols.Select(j => j.Id))})");
            }

            // The comparator goes first: every comparison is against the first protocol.
            (protocols[0], protocols[at]) = (protocols[at], protocols[0]);
            (args[0], args[at]) = (args[at], args[0]);
        }

        var shared = request.Cohort is null ? null : catalog.LoadCohort(request.Cohort);
        run.ProtocolArgs = args;
        run.Protocols = protocols;
        run.CohortOf = protocols.ToDictionary(p => p.Id, p => shared ?? catalog.LoadCohort(p.Cohort), StringComparer.Ordinal);
    }

    /// <summary>Refuses what the analyses cannot do before anything is simulated.</summary>
    private static void CheckAnalyses(PlannerInputs run, PlannerRunRequest request)
    {
        if (request.Psa is { } psa)
        {
            if (run.Prices.Psa is null)
            {
                throw new ArgumentException($"--psa: the price list {run.Prices.Region} has no psa settings (price_cv) to draw prices from");
            }

            if (psa.Effect == PsaEffect.RespondersWeek && run.Protocols.FirstOrDefault(j => j.OutcomesOrDefault.FollowUpHorizonWeeks < psa.Week) is { } short_)
            {
                throw new ArgumentException($"--follow-up-week: {short_.Id} follows patients up for {short_.OutcomesOrDefault.FollowUpHorizonWeeks} weeks only, fewer than {psa.Week}");
            }
        }

        if (request.Sensitivity is not { } sensitivity)
        {
            return;
        }

        foreach (var scenario in sensitivity.Scenarios)
        {
            var unknown = scenario.Prices.Keys.FirstOrDefault(k => !run.Prices.Items.ContainsKey(k));
            if (unknown is not null)
            {
                throw new ArgumentException($"--scenario {scenario.Name}: price item '{unknown}' is not in the {run.Prices.Region} prices (known: {string.Join(", ", run.Prices.Items.Keys.Order(StringComparer.Ordinal))})");
            }

            run.ParameterFile.WithOverrides(scenario.Parameters, $"--scenario {scenario.Name}");
        }

        if (sensitivity.OneWay && run.Protocols.Count < 2)
        {
            throw new ArgumentException("--one-way: give two protocols or more (the first, or --comparator, is the comparator)");
        }
    }
}
