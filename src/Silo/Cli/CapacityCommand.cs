using System.CommandLine;
using System.Globalization;
using WardTwin.Model.Capacity;
using WardTwin.Model.Data;
using WardTwin.Model.Simulation;

using WardTwin.Application.Capacity;
using WardTwin.Application.Engines;

namespace WardTwin.Silo.Cli;

/// <summary>`capacity`: waiting lists, utilisation and the beds or chairs a target wait needs, by discrete-event simulation.</summary>
internal static class CapacityCommand
{
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
        command.SetAction(r => CommonOptions.GuardAsync(async () =>
        {
            var question = new CapacityQuestion(r.GetValue(perYear), r.GetValue(beds), r.GetValue(chairs), ParseOpening(r.GetValue(opening)!),
                r.GetValue(years), r.GetValue(replications), r.GetValue(target), r.GetValue(seed));
            var catalog = DataCatalog.Locate(r.GetValue(data));

            // A capacity question takes well under a second: it runs in this process, through the same service as the planner page's.
            var result = await new CapacityRunService(catalog, new ReferencePlannerEngine()).RunAsync(r.GetValue(protocols)!, question, r.GetValue(outDir)!);
            foreach (var res in result.Results)
            {
                Console.WriteLine(Describe(res, question));
            }

            return 0;
        }).GetAwaiter().GetResult());
        return command;
    }

    private static Opening ParseOpening(string text) => text switch
    {
        "weekdays" => Opening.Weekdays,
        "all" => Opening.All,
        _ => throw new ArgumentException($"--opening: '{text}' is not weekdays or all"),
    };

    private static string Describe(CapacityResult r, CapacityQuestion q)
    {
        var c = CultureInfo.InvariantCulture;
        Estimate M(string name) => r.Summary.Single(x => x.Measure == name);
        string E(string name, string format) => $"{M(name).Mean.ToString(format, c)} ({M(name).Low.ToString(format, c)}-{M(name).High.ToString(format, c)})";
        string head = string.Create(c, $"{r.Protocol}: {r.Capacity} {(r.Capacity == 1 ? r.Resource.TrimEnd('s') : r.Resource)}, {q.PatientsPerYear:0.#} patients a year, {q.Replications} x {q.Years:0.#} years: ");

        // An overloaded unit's waits are where a growing queue had got to when the simulation stopped: said as that, without intervals.
        string body = r.Overloaded
            ? string.Create(c, $"{r.OverloadedInWords}; after {q.Years:0.#} years the mean wait had reached {M("mean_wait").Mean:0} days (90th centile {M("p90_wait").Mean:0}) and {M("still_waiting_at_end").Mean:0} were still waiting, figures that grow with the years simulated; utilisation {M("utilisation").Mean:0.00}")
            : $"mean wait {E("mean_wait", "0.0")} days, 90th centile {E("p90_wait", "0.0")}, utilisation {E("utilisation", "0.00")}, demand over capacity {E("offered_load", "0.00")}, queue {E("mean_queue", "0.0")}, treated a year {E("treated_per_year", "0.0")}";
        return $"{head}{body}; {r.TargetInWords}";
    }
}
