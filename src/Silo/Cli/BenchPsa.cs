using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;

namespace WardTwin.Silo.Cli;

/// <summary>`bench psa`: a probabilistic analysis re-simulated at the size (1,000 draws × 2,000 patients × 2 protocols) on all cores.</summary>
internal static class BenchPsa
{
    private const double GoalSeconds = 15;

    public static Command Create()
    {
        var draws = new Option<int>("--draws") { Description = "Draws", DefaultValueFactory = _ => 1000 };
        var patients = new Option<int>("--patients") { Description = "Patients per protocol per draw", DefaultValueFactory = _ => 2000 };
        var data = CommonOptions.Data();
        var command = new Command("psa", "Seconds for a PSA of D draws x N patients x 2 protocols (Erasmus and Goldberg outpatient, one population), against the 60 s goal") { draws, patients, data };
        command.SetAction(r => CommonOptions.GuardAsync(() => Task.FromResult(Run(r.GetValue(draws), r.GetValue(patients), r.GetValue(data)))).GetAwaiter().GetResult());
        return command;
    }

    private static int Run(int draws, int patients, string? dataDir)
    {
        if (draws < 1 || patients < 1)
        {
            throw new ArgumentException("--draws and --patients must be at least 1");
        }

        var catalog = DataCatalog.Locate(dataDir);
        var protocols = new[] { catalog.LoadProtocol("erasmus-7d"), catalog.LoadProtocol("goldberg-10d-outpatient") };
        var cohort = catalog.LoadCohort("erasmus-2021");
        var file = ParameterFile.Load(catalog.DefaultParametersPath);
        var prices = catalog.LoadPrices("nl");

        // A small warm-up, so the timed run does not pay for the JIT's tiers.
        PsaRunner.Run(new PsaSetup(protocols, _ => cohort, file, prices, 200, 1, 3, 12));
        var clock = Stopwatch.StartNew();
        PsaRunner.Run(new PsaSetup(protocols, _ => cohort, file, prices, patients, 1, draws, 12));
        double seconds = clock.Elapsed.TotalSeconds;
        double admissions = (double)draws * patients * protocols.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"psa: {draws} draws x {patients} patients x {protocols.Length} protocols = {admissions:0} admissions in {seconds:0.0} s ({admissions / seconds:0}/s, {Environment.ProcessorCount} cores, {admissions / seconds / Environment.ProcessorCount:0}/s per core); goal <= {GoalSeconds:0} s at 1000 x 2000 x 2 (on the developers' machine): {seconds / GoalSeconds * (2_000_000.0 * 2 / admissions):0.00}x the goal's time"));
        return 0;
    }
}
