using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WardTwin.Model.Capacity;
using WardTwin.Model.Data;
using WardTwin.Model.Simulation;

namespace WardTwin.Silo.Cli;

/// <summary>`capacity`: waiting lists, utilisation and the beds or chairs a target wait needs, by discrete-event simulation.</summary>
internal static class CapacityCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command Create()
    {
        var protocols = new Option<string[]>("--protocol") { Description = "Protocol id or file (repeat to compare)", Required = true, AllowMultipleArgumentsPerToken = false };
        var perYear = new Option<double>("--patients-per-year") { Description = "Referrals a year (Poisson arrivals)", Required = true };
        var beds = new Option<int>("--beds") { Description = "Beds for inpatient stays", DefaultValueFactory = _ => 4 };
        var chairs = new Option<int>("--chairs") { Description = "Day-care chairs for sessions", DefaultValueFactory = _ => 2 };
        var opening = new Option<string>("--opening") { Description = "weekdays (admissions and sessions Monday to Friday) or all", DefaultValueFactory = _ => "weekdays" };
        var years = new Option<double>("--years") { Description = "Years simulated per replication", DefaultValueFactory = _ => 5 };
        var replications = new Option<int>("--replications") { Description = "Independent replications (the intervals are over them)", DefaultValueFactory = _ => 10 };
        var target = new Option<double>("--target-wait-days") { Description = "The mean wait to aim for: the beds or chairs needed for it are reported", DefaultValueFactory = _ => 28 };
        var seed = CommonOptions.Seed();
        var outDir = new Option<string>("--out") { Description = "Folder for capacity.json and capacity.csv", Required = true };
        var data = CommonOptions.Data();
        var command = new Command("capacity", "Waiting list, utilisation and beds or chairs needed, by discrete-event simulation of each protocol's own patients")
        {
            protocols, perYear, beds, chairs, opening, years, replications, target, seed, outDir, data,
        };
        command.SetAction(r => CommonOptions.Guard(() =>
        {
            var question = new CapacityQuestion(r.GetValue(perYear), r.GetValue(beds), r.GetValue(chairs), ParseOpening(r.GetValue(opening)!),
                r.GetValue(years), r.GetValue(replications), r.GetValue(target), r.GetValue(seed));
            Check(question);
            var catalog = DataCatalog.Locate(r.GetValue(data));
            var parameters = catalog.LoadParameters();
            var list = r.GetValue(protocols)!.Select(catalog.LoadProtocol).ToArray();
            if (list.Select(p => p.Id).Distinct().Count() != list.Length)
            {
                throw new ArgumentException("--protocol: the same protocol twice");
            }

            var results = list.Select(p => new CapacitySimulation(p, new CohortRunner(p, catalog.LoadCohort(p.Cohort), parameters), question).Run()).ToArray();
            string dir = r.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            CohortOutput.WriteAtomically(Path.Combine(dir, "capacity.json"), JsonSerializer.Serialize(new { question, results }, Json));
            CohortOutput.WriteAtomically(Path.Combine(dir, "capacity.csv"), CapacityCsv.Build(results));
            foreach (var res in results)
            {
                Console.WriteLine(Describe(res, question));
            }

            return 0;
        }));
        return command;
    }

    private static Opening ParseOpening(string text) => text switch
    {
        "weekdays" => Opening.Weekdays,
        "all" => Opening.All,
        _ => throw new ArgumentException($"--opening: '{text}' is not weekdays or all"),
    };

    private static void Check(CapacityQuestion q)
    {
        if (!(q.PatientsPerYear > 0) || q.PatientsPerYear > 100_000)
        {
            throw new ArgumentException($"--patients-per-year: must be > 0 and at most 100000, got {q.PatientsPerYear}");
        }

        if (q.Beds < 1 || q.Chairs < 1)
        {
            throw new ArgumentException("--beds and --chairs: at least 1");
        }

        if (!(q.Years > 0) || q.Years > 50 || q.Replications is < 1 or > 1000 || !(q.TargetWaitDays >= 0))
        {
            throw new ArgumentException("--years must be in (0, 50], --replications in 1..1000, --target-wait-days >= 0");
        }
    }

    private static string Describe(CapacityResult r, CapacityQuestion q)
    {
        string E(string name, string format)
        {
            var e = r.Summary.Single(x => x.Measure == name);
            return string.Create(CultureInfo.InvariantCulture, $"{e.Mean.ToString(format, CultureInfo.InvariantCulture)} ({e.Low.ToString(format, CultureInfo.InvariantCulture)}-{e.High.ToString(format, CultureInfo.InvariantCulture)})");
        }

        string Noun(int k) => k == 1 ? r.Resource.TrimEnd('s') : r.Resource;
        string needed = r.NeededForTargetWait is { } n ? $"{n} {Noun(n)} for a mean wait of at most {q.TargetWaitDays:0.#} days" : $"more than 200 {r.Resource} for a mean wait of {q.TargetWaitDays:0.#} days";
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Protocol}: {r.Capacity} {Noun(r.Capacity)}, {q.PatientsPerYear:0.#} patients a year, {q.Replications} x {q.Years:0.#} years: mean wait {E("mean_wait", "0.0")} days, 90th centile {E("p90_wait", "0.0")}, utilisation {E("utilisation", "0.00")}, queue {E("mean_queue", "0.0")}, treated a year {E("treated_per_year", "0.0")}; {needed}");
    }
}
