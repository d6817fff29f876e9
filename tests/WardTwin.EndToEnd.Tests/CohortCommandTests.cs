using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>The `cohort` verb as a planner runs it: files written, schema met, same seed same bytes.</summary>
public sealed class CohortCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Erasmus_cohort_of_2000_writes_a_schema_valid_summary_and_one_csv_row_per_admission()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "2000", "--seed", "7", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        string summary = await File.ReadAllTextAsync(Path.Combine(dir, "erasmus-7d", "summary.json"));
        Assert.Empty(await SchemaValidator.Errors(summary));
        var json = JsonNode.Parse(summary)!;
        Assert.Equal("erasmus-7d", (string)json["protocol"]!);
        Assert.Equal(2000, (int)json["patients"]!);
        Assert.Equal(7, (int)json["seed"]!);
        Assert.Equal(7, json["nrs"]!["by_treatment_day"]!.AsArray().Count);
        Assert.Equal(26, json["nrs"]!["by_week_after"]!.AsArray().Count);       // weekly follow-up to the 26-week horizon
        Assert.Equal("current", (string)json["nrs"]!["t1"]!["measure"]!);
        Assert.InRange((double)json["t2_weeks_after_end"]!["median"]!, 3.5, 4.5); // per patient: median 4 weeks (IQR 5)
        Assert.True((double)json["t2_weeks_after_end"]!["sd"]! > 1);
        Assert.True((int)json["relief_duration_weeks"]!["n"]! > 100);
        Assert.InRange((int)json["relief_duration_censored"]!, 0, (int)json["relief_duration_weeks"]!["n"]!);
        Assert.Null(json["plasma"]!["r_ketamine"]);
        Assert.Equal("EUR", (string)json["cost"]!["currency"]!);
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir, "erasmus-7d", "patients.csv"));
        Assert.Equal(2001, lines.Length);
        Assert.StartsWith("patient,female,age_years", lines[0], StringComparison.Ordinal);
        Assert.Contains("erasmus-7d", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("admissions", run.Stderr, StringComparison.Ordinal); // progress
    }

    [Fact]
    public async Task Goldberg_2010_summary_says_its_baseline_is_worst_pain_and_its_end_of_infusion_score_current()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-5d-inpatient", "--patients", "300", "--seed", "5", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        string summary = await File.ReadAllTextAsync(Path.Combine(dir, "goldberg-5d-inpatient", "summary.json"));
        Assert.Empty(await SchemaValidator.Errors(summary));
        var nrs = JsonNode.Parse(summary)!["nrs"]!;
        Assert.Equal("worst_24h", (string)nrs["t0_cohort"]!["measure"]!);
        Assert.InRange((double)nrs["t0_cohort"]!["mean"]!, 8.2, 8.8);            // published 8.5 ± 1.6, worst of 24 h
        Assert.Equal("current", (string)nrs["t1"]!["measure"]!);
        Assert.All(nrs["by_treatment_day"]!.AsArray(), d => Assert.Equal("worst_24h", (string)d!["measure"]!));
        var header = (await File.ReadAllLinesAsync(Path.Combine(dir, "goldberg-5d-inpatient", "patients.csv")))[0].Split(',');
        Assert.Contains("nrs_worst_24h_day_1", header);
        Assert.Contains("relief_duration_weeks", header);
        Assert.Contains("nrs_week_26", header);
    }

    [Fact]
    public async Task A_sensitivity_run_with_womens_clearance_1_2_lowers_Goldbergs_plasma_identically_in_both_engines_and_says_so()
    {
        string shipped = Cli.TempDir(), grains = Cli.TempDir(), reference = Cli.TempDir();
        var baseRun = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-5d-inpatient", "--patients", "300", "--seed", "4", "--engine", "reference", "--out", shipped);
        Assert.True(baseRun.ExitCode == 0, baseRun.ToString());
        foreach (var (dir, engine) in new[] { (grains, "grains"), (reference, "reference") })
        {
            var run = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-5d-inpatient", "--patients", "300", "--seed", "4", "--engine", engine, "--param", "pk.female_cl_factor=1.2", "--out", dir);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("--param: pk.female_cl_factor = 1.2", run.Stderr, StringComparison.Ordinal);
        }

        string Summary(string dir) => File.ReadAllText(Path.Combine(dir, "goldberg-5d-inpatient", "summary.json"));
        Assert.Equal(Summary(reference), Summary(grains));
        double PlasmaS(string dir) => (double)JsonNode.Parse(Summary(dir))!["plasma"]!["s_ketamine"]!;
        Assert.InRange(PlasmaS(grains) / PlasmaS(shipped), 0.80, 0.92); // 15 of 16 women clearing 20 % faster
        Assert.Equal(1.2, (double)JsonNode.Parse(Summary(grains))!["parameter_overrides"]!["pk.female_cl_factor"]!);
        Assert.Null(JsonNode.Parse(Summary(shipped))!["parameter_overrides"]);
    }

    [Fact]
    public async Task A_misspelt_or_out_of_bounds_parameter_is_refused_before_anything_runs()
    {
        string dir = Cli.TempDir();
        var misspelt = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "10", "--seed", "1", "--param", "pk.female_factor=1.2", "--out", dir);
        Assert.NotEqual(0, misspelt.ExitCode);
        Assert.Contains("pk.female_factor", misspelt.Stderr, StringComparison.Ordinal);
        Assert.Contains("pk.female_cl_factor", misspelt.Stderr, StringComparison.Ordinal);
        var outside = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "10", "--seed", "1", "--param", "pain.ke0_half_life_days=30", "--out", dir);
        Assert.NotEqual(0, outside.ExitCode);
        Assert.Contains("outside its bounds [5.3, 20.5]", outside.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "erasmus-7d")));
    }

    [Fact]
    public async Task The_same_seed_gives_a_byte_identical_summary_and_another_seed_does_not()
    {
        string a = Cli.TempDir(), b = Cli.TempDir(), c = Cli.TempDir();
        foreach (var (dir, seed) in new[] { (a, "11"), (b, "11"), (c, "12") })
        {
            var run = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-10d-outpatient", "--patients", "300", "--seed", seed, "--out", dir, "--threads", seed == "11" && dir == b ? "1" : "-1");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        byte[] Read(string dir) => File.ReadAllBytes(Path.Combine(dir, "goldberg-10d-outpatient", "summary.json"));
        Assert.Equal(Read(a), Read(b));
        Assert.NotEqual(Read(a), Read(c));
    }

    [Fact]
    public async Task Comparing_inpatient_with_outpatient_prints_a_table_and_an_incremental_cost_per_responder()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients", "400", "--seed", "3", "--prices", "us", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("goldberg-10d-outpatient", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ICER", run.Stdout, StringComparison.Ordinal);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "comparison.json")))!;
        Assert.Equal("erasmus-7d", (string)document["comparator"]!);
        var comparison = document["protocols"]!.AsArray();
        Assert.Equal(2, comparison.Count);
        Assert.Equal("erasmus-7d", (string)comparison[1]!["vs"]!);
        Assert.True((double)comparison[1]!["bed_days_freed"]! > 5, "outpatient sessions free nearly the whole inpatient week");
        Assert.Equal("USD", (string)comparison[0]!["currency"]!);
        Assert.Contains("than erasmus-7d", (string)comparison[1]!["in_words"]!, StringComparison.Ordinal);
        Assert.True(comparison[1]!["effective_mg_per_h_median"] is null, "session protocols have no effective rate: no data, not 0");
        Assert.Contains("T2 = each protocol's own follow-up visit", run.Stdout, StringComparison.Ordinal);
        foreach (var id in new[] { "erasmus-7d", "goldberg-10d-outpatient" })
        {
            Assert.Empty(await SchemaValidator.Errors(await File.ReadAllTextAsync(Path.Combine(dir, id, "summary.json"))));
        }
    }

    [Fact]
    public async Task A_users_own_protocol_file_runs_and_a_placebo_arm_can_be_asked_for()
    {
        string dir = Cli.TempDir();
        var protocol = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Cli.RepositoryRoot, "data", "protocols", "erasmus-7d.json")))!.AsObject();
        protocol["id"] = "my-erasmus-5d";
        protocol["schedule"]!["duration_h"] = 120;
        string file = Path.Combine(dir, "my.json");
        await File.WriteAllTextAsync(file, protocol.ToJsonString());
        var run = await Cli.Run(Timeout, "cohort", "--protocol", file, "--patients", "100", "--placebo", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "my-erasmus-5d-placebo", "summary.json")))!;
        Assert.Equal("placebo", (string)summary["arm"]!);
        Assert.Equal(5, summary["nrs"]!["by_treatment_day"]!.AsArray().Count);
        Assert.Equal(0, (double)summary["dose"]!["total_mg"]!["mean"]!);
    }

    [Fact]
    public async Task A_price_override_changes_the_bill_and_a_bad_one_is_refused()
    {
        string a = Cli.TempDir(), b = Cli.TempDir();
        var plain = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "100", "--out", a);
        var cheaper = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "100", "--price", "inpatient_day=544", "--out", b);
        Assert.True(plain.ExitCode == 0 && cheaper.ExitCode == 0, plain + "\n" + cheaper);
        double Beds(string dir) => (double)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "erasmus-7d", "summary.json")))!["cost"]!["items"]!["beds"]!;
        double bedDays = (double)JsonNode.Parse(File.ReadAllText(Path.Combine(a, "erasmus-7d", "summary.json")))!["stay"]!["bed_days"]!["mean"]!;
        Assert.Equal(bedDays * 100, Beds(a) - Beds(b), 2);

        var bad = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "10", "--price", "bed=1", "--out", Cli.TempDir());
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--price: 'bed=1'", bad.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cohort")]
    [InlineData("calibrate")]
    [InlineData("bench")]
    public async Task Every_verb_explains_itself_with_help(string verb)
    {
        var run = await Cli.Run(Timeout, verb, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }
}
