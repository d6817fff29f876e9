using System.CommandLine;
using WardTwin.Grains;
using System.Text.Json.Nodes;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

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
        var wtp = new Option<double>("--wtp") { Description = "Willingness to pay per extra T1 responder for the one-way analysis's net benefit", DefaultValueFactory = _ => 20_000 };
        var scenarios = new Option<string[]>("--scenario") { Description = "NAME:price.ITEM=V,param.NAME=V,...: several overrides run together (repeatable); every protocol is re-run under each", AllowMultipleArgumentsPerToken = false };
        var comparator = new Option<string>("--comparator") { Description = "The protocol id the others are compared with (default: the first --protocol)" };

        var cluster = new ClusterOptions();
        var psa = new PsaOptions();
        var command = new Command("cohort", "Simulate a cohort of admissions per protocol and compare them")
        {
            protocols, patients, seed, prices, priceOverrides, output, placebo, engine, threads, data, parameters, parameterOverrides, cohort, comparator, perspective, basis, oneWay, wtp, scenarios,
        };
        cluster.AddTo(command);
        psa.AddTo(command);
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(
            r.GetValue(protocols)!, r.GetValue(patients), r.GetValue(seed), r.GetValue(prices)!, r.GetValue(priceOverrides) ?? [], r.GetValue(output)!,
            r.GetValue(placebo), r.GetValue(engine) == "grains", r.GetValue(threads), r.GetValue(data), r.GetValue(parameters), r.GetValue(parameterOverrides) ?? [], cluster.Read(r),
            r.GetValue(cohort), r.GetValue(comparator), psa.Read(r, r.GetValue(patients)),
            new WardTwin.Model.Costs.CostRules(r.GetValue(perspective) == "societal" ? WardTwin.Model.Costs.Perspective.Societal : WardTwin.Model.Costs.Perspective.Healthcare,
                r.GetValue(basis) == "staff-excluded" ? WardTwin.Model.Costs.PriceBasis.StaffExcluded : WardTwin.Model.Costs.PriceBasis.Full),
            new SensitivityChoice(r.GetValue(oneWay), r.GetValue(wtp), ScenarioParser.Parse(r.GetValue(scenarios) ?? [])))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(string[] protocolArgs, int patients, long seed, string pricesArg, string[] priceOverrides, string outDir, bool placebo, bool useGrains, int threads, string? dataDir, string? paramsPath, string[] parameterOverrides, WardTwin.Cluster.ClusterSettings cluster, string? cohortArg, string? comparatorId, PsaChoice psa, WardTwin.Model.Costs.CostRules rules, SensitivityChoice sensitivity)
    {
        // Everything is read and checked before anything runs, so a bad file costs nothing computed.
        var catalog = DataCatalog.Locate(dataDir);
        var overrides = ParameterOverrides.Parse(parameterOverrides);
        var shipped = ParameterFile.Load(paramsPath ?? catalog.DefaultParametersPath);
        var parameterFile = shipped.WithOverrides(overrides, "--param");
        var parameters = ModelParameters.From(parameterFile);
        foreach (var (name, value) in overrides)
        {
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--param: {name} = {value} (the file says {shipped.Entries[name].Value})"));
        }

        var shippedPrices = catalog.LoadPrices(pricesArg);
        var priceValues = PriceOverrides.Parse(priceOverrides, shippedPrices);
        var priceList = PriceOverrides.Apply(shippedPrices, priceValues);
        rules.CheckAgainst(priceList);
        var jobs = protocolArgs.Select(a =>
        {
            var p = catalog.LoadProtocol(a);
            return placebo ? p.AsPlacebo() : p;
        }).ToList();
        var duplicate = jobs.GroupBy(j => j.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"--protocol: '{duplicate.Key}' is given twice");
        }

        if (comparatorId is not null)
        {
            int at = jobs.FindIndex(j => j.Id == comparatorId);
            if (at < 0)
            {
                throw new ArgumentException($"--comparator: '{comparatorId}' is not one of the protocols run ({string.Join(", ", jobs.Select(j => j.Id))})");
            }

            // The comparator goes first: every comparison is against the first protocol.
            (jobs[0], jobs[at]) = (jobs[at], jobs[0]);
            (protocolArgs[0], protocolArgs[at]) = (protocolArgs[at], protocolArgs[0]);
        }

        var shared = cohortArg is null ? null : catalog.LoadCohort(cohortArg);
        var cohorts = jobs.Select(j => shared ?? catalog.LoadCohort(j.Cohort)).ToList();
        var cohortOf = jobs.Select((j, i) => (j.Id, Cohort: cohorts[i])).ToDictionary(x => x.Id, x => x.Cohort, StringComparer.Ordinal);
        if (psa.Draws > 0)
        {
            CheckPsa(psa, jobs, priceList);
        }

        foreach (var scenario in sensitivity.Scenarios)
        {
            // Checked now, so a misspelt name fails before anything is simulated.
            var unknown = scenario.Prices.Keys.FirstOrDefault(k => !priceList.Items.ContainsKey(k));
            if (unknown is not null)
            {
                throw new ArgumentException($"--scenario {scenario.Name}: price item '{unknown}' is not in the {priceList.Region} prices (known: {string.Join(", ", priceList.Items.Keys.Order(StringComparer.Ordinal))})");
            }

            parameterFile.WithOverrides(scenario.Parameters, $"--scenario {scenario.Name}");
        }

        if (sensitivity.OneWay && jobs.Count < 2)
        {
            throw new ArgumentException("--one-way: give two protocols or more (the first, or --comparator, is the comparator)");
        }
        string parametersPath = paramsPath ?? catalog.DefaultParametersPath;
        string? parametersJson = overrides.Count > 0 ? parameterFile.ToJson() : null;
        await using var grains = useGrains ? await GrainCohortEngine.StartAsync(catalog.Root, cluster) : null;
        var alarmNames = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        var inputs = new RunInputs(catalog, protocolArgs, jobs.Select(j => j.Cohort).ToArray(), cohortArg, pricesArg, paramsPath);
        var changed = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal) { ["param"] = overrides, ["price"] = priceValues };
        var options = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["comparator"] = jobs[0].Id,
            ["cohort"] = cohortArg,
            ["placebo"] = placebo ? "true" : null,
            ["patients"] = patients.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["perspective"] = rules.Perspective.ToString().ToLowerInvariant(),
            ["price_basis"] = rules.Basis == WardTwin.Model.Costs.PriceBasis.Full ? "full" : "staff-excluded",
        };
        CohortOutput.ClearStale(outDir, jobs.Select(j => j.Id).ToArray(), psa.Draws > 0);
        var results = new List<CohortResult>();
        for (int i = 0; i < jobs.Count; i++)
        {
            var protocol = jobs[i];
            var progress = new ProgressReporter(protocol.Id, patients);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcomes = grains is null
                ? new CohortRunner(protocol, cohorts[i], parameters).Run(patients, seed, threads, progress.Report)
                : await grains.RunAsync(
                    CohortRequest.FromCatalog(catalog, protocolArgs[i], patients, seed, placebo, parametersPath, parametersJson, cohortArg),
                    $"{protocol.Id}/{seed}/{Guid.NewGuid():N}", progress.Report);
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{protocol.Id}: {patients} admissions in {clock.Elapsed.TotalSeconds:0.000} s ({patients / clock.Elapsed.TotalSeconds:0}/s)"));
            var result = CohortResult.Price(protocol, seed, outcomes, priceList, alarmNames, rules);
            CohortOutput.Write(outDir, result, inputs.For(i, seed, changed, options), overrides);
            results.Add(result);
        }

        var comparison = CohortComparison.Build(results, psa.Week);
        Console.Write(CohortComparison.Table(comparison));
        var psaJson = psa.Draws > 0 ? RunPsa(psa, jobs, cohortOf, parameterFile, priceList, seed, threads, outDir, rules) : null;
        var document = CohortComparison.Document(comparison, inputs.ForAll(seed, changed, options), psaJson);
        if (sensitivity.OneWay || sensitivity.Scenarios.Count > 0)
        {
            // The base case is the cohorts just run: the evaluator re-prices them rather than simulating them again.
            var evaluator = new WardTwin.Model.Economics.StrategyEvaluator(jobs, p => cohortOf[p.Id], rules, patients, seed, threads, results.Select(r => r.Admissions).ToArray());
            if (sensitivity.OneWay)
            {
                var rows = WardTwin.Model.Economics.OneWay.Run(evaluator, parameterFile, priceList, sensitivity.Wtp);
                var oneWay = WardTwin.Model.Economics.SensitivityReport.OneWayJson(evaluator, rows, WardTwin.Model.Economics.OneWay.Base(evaluator, parameterFile, priceList, sensitivity.Wtp), sensitivity.Wtp, priceList.Currency);
                document["one_way"] = oneWay;
                Console.Write(WardTwin.Model.Economics.SensitivityReport.Tornado(oneWay));
            }

            if (sensitivity.Scenarios.Count > 0)
            {
                document["scenarios"] = WardTwin.Model.Economics.SensitivityReport.ScenariosJson(evaluator, sensitivity.Scenarios, parameterFile, priceList);
                Console.WriteLine($"scenarios: {string.Join(", ", sensitivity.Scenarios.Select(x => x.Name))} (under \"scenarios\" in comparison.json)");
            }
        }

        CohortOutput.WriteComparison(outDir, document);
        Console.WriteLine($"wrote {string.Join(", ", results.Select(r => Path.Combine(outDir, r.Protocol.Id, "summary.json")))} and {Path.Combine(outDir, "comparison.json")}");
        return 0;
    }

    /// <summary>What the user asked of the deterministic sensitivity analyses.</summary>
    internal sealed record SensitivityChoice(bool OneWay, double Wtp, IReadOnlyList<WardTwin.Model.Economics.Scenario> Scenarios);

    /// <summary>Refuses what the analysis cannot do before anything is simulated.</summary>
    private static void CheckPsa(PsaChoice psa, IReadOnlyList<Protocol> jobs, WardTwin.Model.Costs.PriceList prices)
    {
        if (prices.Psa is null)
        {
            throw new ArgumentException($"--psa: the price list {prices.Region} has no psa settings (price_cv) to draw prices from");
        }

        if (psa.Effect == WardTwin.Model.Economics.PsaEffect.RespondersWeek && jobs.FirstOrDefault(j => j.OutcomesOrDefault.FollowUpHorizonWeeks < psa.Week) is { } short_)
        {
            throw new ArgumentException($"--follow-up-week: {short_.Id} follows patients up for {short_.OutcomesOrDefault.FollowUpHorizonWeeks} weeks only, fewer than {psa.Week}");
        }
    }

    private static System.Text.Json.Nodes.JsonObject RunPsa(PsaChoice psa, List<Protocol> jobs, Dictionary<string, WardTwin.Model.Cohorts.Cohort> cohortOf, ParameterFile parameterFile, WardTwin.Model.Costs.PriceList priceList, long seed, int threads, string outDir, WardTwin.Model.Costs.CostRules rules)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var setup = new WardTwin.Model.Economics.PsaSetup(jobs, p => cohortOf[p.Id], parameterFile, priceList, psa.Patients, seed, psa.Draws, psa.Week, threads, rules);
        var run = WardTwin.Model.Economics.PsaRunner.Run(setup, d =>
        {
            if (d % Math.Max(1, psa.Draws / 10) == 0 || d == psa.Draws)
            {
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"psa: {d}/{psa.Draws} draws ({clock.Elapsed.TotalSeconds:0.0} s)"));
            }
        });
        var json = WardTwin.Model.Economics.PsaReport.Json(run, psa.Effect, psa.Wtps);
        CohortOutput.WriteAtomically(Path.Combine(outDir, "psa.csv"), WardTwin.Model.Economics.PsaReport.LongCsv(run));
        CohortOutput.WriteAtomically(Path.Combine(outDir, "psa_wide.csv"), WardTwin.Model.Economics.PsaReport.WideCsv(run, psa.Effect));
        int admissions = psa.Draws * psa.Patients * jobs.Count;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"psa: {psa.Draws} draws x {psa.Patients} patients x {jobs.Count} protocols = {admissions} admissions in {clock.Elapsed.TotalSeconds:0.0} s ({admissions / clock.Elapsed.TotalSeconds:0}/s)"));
        foreach (var inc in json["incremental"]!.AsArray())
        {
            Console.WriteLine($"psa: {inc!["in_words"]} (delta cost {inc["delta_cost"]!["mean"]} [{inc["delta_cost"]!["ci_low"]}, {inc["delta_cost"]!["ci_high"]}], delta effect {inc["delta_effect"]!["mean"]} [{inc["delta_effect"]!["ci_low"]}, {inc["delta_effect"]!["ci_high"]}])");
        }

        Console.WriteLine($"wrote {Path.Combine(outDir, "psa.csv")} and psa_wide.csv; the analysis is under \"psa\" in comparison.json");
        return json;
    }
}
