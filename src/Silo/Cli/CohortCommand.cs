using System.CommandLine;
using WardTwin.Application.Engines;
using WardTwin.Application.Planner;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;

namespace WardTwin.Silo.Cli;

/// <summary>`cohort`: runs N virtual admissions per protocol and writes summary.json, patients.csv and a comparison.</summary>
internal static class CohortCommand
{
    public static Command Create()
    {
        var protocols = new Option<string[]>("--protocol")
        {
            Description = "Protocol id from data/protocols/ or the path of your own protocol file; repeat to compare",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var patients = CommonOptions.Patients(1000, required: false);
        var seed = CommonOptions.Seed();
        var prices = new Option<string>("--prices")
        {
            Description = "Price region (nl, us) or a price file",
            DefaultValueFactory = _ => "nl",
        };
        var priceOverrides = new Option<string[]>("--price")
        {
            Description = "Override one price item, e.g. --price inpatient_day=596 (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out") { Description = "Output folder; each protocol writes OUT/<protocol-id>/", Required = true };
        var placebo = new Option<bool>("--placebo") { Description = "Run each protocol as its placebo arm (saline, titrated blind)" };
        var engine = new Option<string>("--engine")
        {
            Description = "grains (default: admissions run as Orleans grains in an embedded silo) or reference (the plain in-process loop); both give the same bytes",
            DefaultValueFactory = _ => "grains",
        };
        engine.AcceptOnlyFromAmong("grains", "reference");
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => -1 };
        var data = CommonOptions.Data();
        var parameters = CommonOptions.Params();
        var parameterOverrides = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE: run with your own value for one model parameter (a sensitivity run, e.g. pk.female_cl_factor=1.2); repeatable; recorded in each summary",
            AllowMultipleArgumentsPerToken = false,
        };

        var cohort = new Option<string>("--cohort") { Description = "Run every protocol in this population (a cohort id from data/cohorts/ or your own file) instead of each protocol's own: a like-for-like comparison" };
        var perspective = new Option<string>("--perspective") { Description = "healthcare (the hospital's bill) or societal (adds lost paid work, travel and parking)", DefaultValueFactory = _ => "healthcare" };
        perspective.AcceptOnlyFromAmong("healthcare", "societal");
        var basis = new Option<string>("--price-basis") { Description = "full (day prices include staff; nurse review time not added again) or staff-excluded (bed-days at the staff-excluded price plus nurse time per review)", DefaultValueFactory = _ => "full" };
        basis.AcceptOnlyFromAmong("full", "staff-excluded");
        var oneWay = new Option<bool>("--one-way") { Description = "One-way sensitivity over the ranges the price file and parameter file document (a tornado; needs two protocols)" };
        var wtp = new Option<double?>("--wtp") { Description = "Willingness to pay per extra T1 responder for the one-way analysis's net benefit (default: the price file's assumed value, 20,000 in the shipped files)" };
        var scenarios = new Option<string[]>("--scenario") { Description = "NAME:price.ITEM=V,param.NAME=V,...: several overrides run together (repeatable); every protocol is re-run under each", AllowMultipleArgumentsPerToken = false };
        var comparator = new Option<string>("--comparator") { Description = "The protocol id the others are compared with (default: the first --protocol)" };

        var cluster = new ClusterOptions();
        var psa = new PsaOptions();
        var horizon = new HorizonOptions();
        var command = new Command("cohort", "Simulate a cohort of admissions per protocol and compare them")
        {
            protocols, patients, seed, prices, priceOverrides, output, placebo, engine, threads, data, parameters, parameterOverrides, cohort, comparator, perspective, basis, oneWay, wtp, scenarios,
        };
        cluster.AddTo(command);
        psa.AddTo(command);
        horizon.AddTo(command);
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(
            r.GetValue(protocols)!, r.GetValue(patients), r.GetValue(seed), r.GetValue(prices)!, r.GetValue(priceOverrides) ?? [], r.GetValue(output)!,
            r.GetValue(placebo), r.GetValue(engine) == "grains", r.GetValue(threads), r.GetValue(data), r.GetValue(parameters), r.GetValue(parameterOverrides) ?? [], cluster.Read(r),
            r.GetValue(cohort), r.GetValue(comparator), psa.Read(r, r.GetValue(patients)),
            new WardTwin.Model.Costs.CostRules(r.GetValue(perspective) == "societal" ? WardTwin.Model.Costs.Perspective.Societal : WardTwin.Model.Costs.Perspective.Healthcare,
                r.GetValue(basis) == "staff-excluded" ? WardTwin.Model.Costs.PriceBasis.StaffExcluded : WardTwin.Model.Costs.PriceBasis.Full),
            new SensitivityChoice(r.GetValue(oneWay), r.GetValue(wtp), ScenarioParser.Parse(r.GetValue(scenarios) ?? [])), horizon.Read(r))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(string[] protocolArgs, int patients, long seed, string pricesArg, string[] priceOverrides, string outDir, bool placebo, bool useGrains, int threads, string? dataDir, string? paramsPath, string[] parameterOverrides, WardTwin.Cluster.ClusterSettings cluster, string? cohortArg, string? comparatorId, PsaChoice psa, WardTwin.Model.Costs.CostRules rules, SensitivityChoice sensitivity,
        (int? Years, WardTwin.Model.Economics.UtilityMap Utility, double? BudgetImpact) horizon)
    {
        var catalog = DataCatalog.Locate(dataDir);
        var request = new PlannerRunRequest(
            protocolArgs, patients, seed, pricesArg, cohortArg, comparatorId, placebo, rules,
            PriceOverrides.Parse(priceOverrides), ParameterOverrides.Parse(parameterOverrides), paramsPath,
            psa.Draws > 0 ? new PsaPlan(psa.Draws, psa.Patients, psa.Effect, psa.Week, psa.Wtps) : null,
            sensitivity.OneWay || sensitivity.Scenarios.Count > 0 ? new SensitivityPlan(sensitivity.OneWay, sensitivity.Wtp, sensitivity.Scenarios) : null,
            horizon.Years, horizon.Utility, horizon.BudgetImpact);

        // The request is checked (every file read, --out writable) before a silo starts or anything is simulated.
        PlannerRunService.Check(catalog, request, outDir);
        using var interrupt = new CancelOnInterrupt();
        await using var grains = useGrains ? await GrainCohortEngine.StartAsync(catalog.Root, cluster) : null;
        var engine = grains?.Engine ?? (IPlannerEngine)new ReferencePlannerEngine(threads);
        PlannerRunResult result;
        try
        {
            result = await new PlannerRunService(catalog, engine).RunAsync(request, outDir, new CohortProgressLines(), interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine($"cancelled: the run stopped; {outDir} keeps the cohorts finished before (no comparison.json was written)");
            return 130;
        }

        Console.Write(CohortComparison.Table(result.Comparison));
        if (result.Psa is { } psaJson)
        {
            foreach (var inc in psaJson["incremental"]!.AsArray())
            {
                Console.WriteLine($"psa: {inc!["in_words"]} (delta cost {inc["delta_cost"]!["mean"]} [{inc["delta_cost"]!["ci_low"]}, {inc["delta_cost"]!["ci_high"]}], delta effect {inc["delta_effect"]!["mean"]} [{inc["delta_effect"]!["ci_low"]}, {inc["delta_effect"]!["ci_high"]}])");
            }

            Console.WriteLine($"wrote {Path.Combine(outDir, "psa.csv")} and psa_wide.csv; the analysis is under \"psa\" in comparison.json");
        }

        if (result.OneWay is { } oneWay)
        {
            Console.Write(WardTwin.Model.Economics.SensitivityReport.Tornado(oneWay));
        }

        if (sensitivity.Scenarios.Count > 0)
        {
            Console.WriteLine($"scenarios: {string.Join(", ", sensitivity.Scenarios.Select(x => x.Name))} (under \"scenarios\" in comparison.json)");
        }

        Console.WriteLine($"wrote {string.Join(", ", result.Comparison.Select(r => Path.Combine(outDir, r.Protocol, "summary.json")))} and {Path.Combine(outDir, "comparison.json")}");
        return 0;
    }

    /// <summary>What the user asked of the deterministic sensitivity analyses.</summary>
    internal sealed record SensitivityChoice(bool OneWay, double? Wtp, IReadOnlyList<WardTwin.Model.Economics.Scenario> Scenarios);
}
