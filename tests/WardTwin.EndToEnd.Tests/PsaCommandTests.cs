using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>`cohort --psa`: the probabilistic comparison as a planner runs it, and where its figures come from.</summary>
public sealed class PsaCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_psa_in_one_population_writes_the_plane_the_acceptability_curve_and_a_row_per_draw_and_protocol()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-10d-outpatient", "--protocol", "erasmus-7d", "--comparator", "erasmus-7d",
            "--cohort", "erasmus-2021", "--patients", "300", "--psa", "30", "--psa-patients", "200", "--engine", "reference", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "comparison.json")))!;
        Assert.Equal("erasmus-7d", (string)document["comparator"]!);
        Assert.Equal("erasmus-7d", (string)document["protocols"]![0]!["protocol"]!);
        var psa = document["psa"]!;
        Assert.Equal(30, (int)psa["draws"]!);
        Assert.Equal("qalys_2y_discounted", (string)psa["effect"]!); // the default effect over the price file's default horizon (nl: 2 years)
        var inc = psa["incremental"]![0]!;
        Assert.Equal("goldberg-10d-outpatient", (string)inc["protocol"]!);
        Assert.Equal(30, inc["plane"]!.AsArray().Count);
        Assert.Contains("than erasmus-7d", (string)inc["in_words"]!, StringComparison.Ordinal);
        Assert.True((double)inc["delta_cost"]!["ci_low"]! < (double)inc["delta_cost"]!["ci_high"]!);
        foreach (var point in psa["ceac"]!.AsArray())
        {
            var p = point!["probability_cost_effective"]!.AsObject().Select(x => (double)x.Value!).ToArray();
            Assert.All(p, x => Assert.InRange(x, 0, 1));
            Assert.Equal(1, p.Sum(), 6);
            Assert.True((double)point["evpi_per_patient"]! >= 0);
        }

        Assert.Equal(2, psa["frontier"]!.AsArray().Count);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(dir, "psa.csv"))).ToArray();
        Assert.Equal(61, rows.Length);
        Assert.StartsWith("draw,protocol,cost,", rows[0], StringComparison.Ordinal);
        Assert.Contains("price.inpatient_day", rows[0], StringComparison.Ordinal);
        Assert.Equal(31, (await File.ReadAllLinesAsync(Path.Combine(dir, "psa_wide.csv"))).Length);
        Assert.Contains("cohort", document["provenance"]!["files"]!.AsArray().Select(f => (string)f!["role"]!));
        Assert.Equal("erasmus-2021", (string)document["provenance"]!["options"]!["cohort"]!);
    }

    [Fact]
    public async Task Provenance_names_every_input_with_its_hash_and_a_changed_price_file_changes_its_hash_and_a_rerun_leaves_nothing_stale()
    {
        string dir = Cli.TempDir();
        string prices = Path.Combine(Cli.TempDir(), "nl-changed.json");
        File.WriteAllText(prices, File.ReadAllText(Path.Combine(Cli.RepositoryRoot, "data", "prices", "nl.json")).Replace("\"value\": 644", "\"value\": 700", StringComparison.Ordinal));

        async Task<JsonNode> Run(string pricesArg, params string[] protocols)
        {
            var args = new List<string> { "cohort", "--patients", "100", "--engine", "reference", "--prices", pricesArg, "--out", dir, "--price", "outpatient_visit=130" };
            foreach (var p in protocols)
            {
                args.AddRange(["--protocol", p]);
            }

            var run = await Cli.Run(Timeout, [.. args]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "comparison.json")))!["provenance"]!;
        }

        string Hash(JsonNode provenance, string role) => (string)provenance["files"]!.AsArray().Single(f => (string)f!["role"]! == role)!["sha256"]!;

        var first = await Run("nl", "erasmus-7d", "goldberg-10d-outpatient");
        var second = await Run(prices, "erasmus-7d");
        Assert.NotEqual(Hash(first, "prices"), Hash(second, "prices"));
        Assert.Equal(Hash(first, "parameters"), Hash(second, "parameters"));
        Assert.Equal(Hash(first, "protocol erasmus-7d"), Hash(second, "protocol erasmus-7d"));
        Assert.Equal(130, (double)second["overrides"]!["price"]!["outpatient_visit"]!);
        Assert.StartsWith("1.0.0", (string)second["version"]!, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "goldberg-10d-outpatient")), "the first run's other protocol must not stay beside the second run's");
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "erasmus-7d", "summary.json")))!;
        Assert.Equal(Hash(second, "prices"), Hash(summary["provenance"]!, "prices"));
    }

    [Fact]
    public async Task One_way_and_scenarios_land_in_the_comparison_and_a_misspelt_scenario_is_refused_before_anything_runs()
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--cohort", "erasmus-2021", "--patients", "300",
            "--engine", "reference", "--one-way", "--scenario", "ledger-low:price.inpatient_day=596,price.day_care_session=274", "--perspective", "societal", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("one-way: goldberg-10d-outpatient vs erasmus-7d", run.Stdout, StringComparison.Ordinal);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "comparison.json")))!;
        var tornado = document["one_way"]!["tornado"]!.AsArray();
        Assert.Contains(tornado, r => (string)r!["input"]! == "price inpatient_day" && (double)r["low"]! == 596 && (double)r["high"]! == 1036);
        Assert.Equal("ledger-low", (string)document["scenarios"]![0]!["name"]!);
        Assert.Equal("societal", (string)document["provenance"]!["options"]!["perspective"]!);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "erasmus-7d", "summary.json")))!;
        Assert.True((double)summary["cost"]!["items"]!["productivity"]! > 0, "the societal perspective counts lost paid work");

        var bad = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients", "300", "--engine", "reference",
            "--scenario", "typo:price.inpatient_dya=1", "--out", Cli.TempDir());
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("inpatient_dya", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("admissions in", bad.Stderr, StringComparison.Ordinal);

        var usSocietal = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--prices", "us", "--perspective", "societal", "--engine", "reference", "--out", Cli.TempDir());
        Assert.NotEqual(0, usSocietal.ExitCode);
        Assert.Contains("productivity_loss_per_h", usSocietal.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protocol_run_in_another_population_gives_the_same_bytes_from_both_engines()
    {
        string grains = Cli.TempDir(), reference = Cli.TempDir();
        foreach (var (engine, dir) in new[] { ("grains", grains), ("reference", reference) })
        {
            var run = await Cli.Run(Timeout, "cohort", "--protocol", "goldberg-10d-outpatient", "--cohort", "erasmus-2021", "--patients", "300", "--engine", engine, "--out", dir);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        string Summary(string dir) => File.ReadAllText(Path.Combine(dir, "goldberg-10d-outpatient", "summary.json"));
        Assert.Equal(Summary(reference), Summary(grains));
        var summary = JsonNode.Parse(Summary(grains))!;
        Assert.Contains(summary["provenance"]!["files"]!.AsArray(), f => ((string)f!["path"]!).EndsWith("erasmus-2021.json", StringComparison.Ordinal));
    }
}
