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

        var cluster = new ClusterOptions();
        var command = new Command("cohort", "Simulate a cohort of admissions per protocol and compare them")
        {
            protocols, patients, seed, prices, priceOverrides, output, placebo, engine, threads, data, parameters, parameterOverrides,
        };
        cluster.AddTo(command);
        command.SetAction(r => CommonOptions.GuardAsync(() => Run(
            r.GetValue(protocols)!, r.GetValue(patients), r.GetValue(seed), r.GetValue(prices)!, r.GetValue(priceOverrides) ?? [], r.GetValue(output)!,
            r.GetValue(placebo), r.GetValue(engine) == "grains", r.GetValue(threads), r.GetValue(data), r.GetValue(parameters), r.GetValue(parameterOverrides) ?? [], cluster.Read(r))).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(string[] protocolArgs, int patients, long seed, string pricesArg, string[] priceOverrides, string outDir, bool placebo, bool useGrains, int threads, string? dataDir, string? paramsPath, string[] parameterOverrides, WardTwin.Cluster.ClusterSettings cluster)
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

        var priceList = PriceOverrides.Apply(catalog.LoadPrices(pricesArg), priceOverrides);
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

        var cohorts = jobs.Select(j => catalog.LoadCohort(j.Cohort)).ToList();
        string parametersPath = paramsPath ?? catalog.DefaultParametersPath;
        string? parametersJson = overrides.Count > 0 ? parameterFile.ToJson() : null;
        await using var grains = useGrains ? await GrainCohortEngine.StartAsync(catalog.Root, cluster) : null;
        var alarmNames = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        var results = new List<CohortResult>();
        for (int i = 0; i < jobs.Count; i++)
        {
            var protocol = jobs[i];
            var progress = new ProgressReporter(protocol.Id, patients);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcomes = grains is null
                ? new CohortRunner(protocol, cohorts[i], parameters).Run(patients, seed, threads, progress.Report)
                : await grains.RunAsync(
                    CohortRequest.FromCatalog(catalog, protocolArgs[i], patients, seed, placebo, parametersPath, parametersJson),
                    $"{protocol.Id}/{seed}/{Guid.NewGuid():N}", progress.Report);
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{protocol.Id}: {patients} admissions in {clock.Elapsed.TotalSeconds:0.000} s ({patients / clock.Elapsed.TotalSeconds:0}/s)"));
            var result = CohortResult.Price(protocol, seed, outcomes, priceList, alarmNames);
            CohortOutput.Write(outDir, result, overrides);
            results.Add(result);
        }

        var comparison = CohortComparison.Build(results);
        CohortOutput.WriteComparison(outDir, comparison);
        Console.Write(CohortComparison.Table(comparison));
        Console.WriteLine($"wrote {string.Join(", ", results.Select(r => Path.Combine(outDir, r.Protocol.Id, "summary.json")))}");
        return 0;
    }
}
