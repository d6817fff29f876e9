using System.Text.Json.Nodes;
using WardTwin.Model.Data;

namespace WardTwin.Model.Tests;

/// <summary>Each bad data file fails with one message naming the file, the field and the reason.</summary>
public sealed class BadInputTests
{
    private static JsonObject Erasmus() => JsonNode.Parse(File.ReadAllText(TestData.Catalog.ResolveProtocolPath("erasmus-7d")))!.AsObject();

    private static DataFileException LoadProtocol(string text)
    {
        string path = TestData.TempFile("protocol.json", text);
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadProtocol(path));
        Assert.Equal(path, ex.File);
        return ex;
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_position()
    {
        var ex = LoadProtocol("{ \"id\": \"x\", ");
        Assert.Equal("$", ex.Field[..1]);
        Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var p = Erasmus();
        p.Remove("limits");
        var ex = LoadProtocol(p.ToJsonString());
        Assert.Contains("limits", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_product_is_named_with_its_path()
    {
        var p = Erasmus();
        p["product"] = "arketamine";
        var ex = LoadProtocol(p.ToJsonString());
        Assert.Equal("$.product", ex.Field);
    }

    [Fact]
    public void An_unknown_field_is_refused_rather_than_ignored()
    {
        var p = Erasmus();
        p["titraton"] = new JsonObject();
        var ex = LoadProtocol(p.ToJsonString());
        Assert.Contains("titraton", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_rate_above_the_hard_limit_is_refused()
    {
        var p = Erasmus();
        p["rate"]!["start"] = 20;
        var ex = LoadProtocol(p.ToJsonString());
        Assert.Equal("rate.start", ex.Field);
        Assert.Contains("hard limit", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_based_start_above_a_weight_based_hard_limit_is_refused()
    {
        var p = JsonNode.Parse(File.ReadAllText(TestData.Catalog.ResolveProtocolPath("dahan-100h")))!.AsObject();
        p["rate"]!["start"] = 31; // 31 mg/h/70kg > 0.43 mg/kg/h x 70 kg = 30.1 mg/h
        Assert.Equal("rate.start", LoadProtocol(p.ToJsonString()).Field);
    }

    [Fact]
    public void A_bad_clock_time_is_named()
    {
        var p = Erasmus();
        p["titration"]!["reviews"]!["clock_times"] = new JsonArray("11:00", "25:00");
        var ex = LoadProtocol(p.ToJsonString());
        Assert.Equal("titration.reviews.clock_times", ex.Field);
    }

    [Fact]
    public void An_unknown_protocol_id_lists_the_known_ones()
    {
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadProtocol("erasmus-8d"));
        Assert.Equal("erasmus-8d", ex.Field);
        Assert.Contains("erasmus-7d", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_without_a_baseline_pain_distribution_is_refused()
    {
        string dir = Path.GetDirectoryName(TestData.TempFile("x", string.Empty))!;
        Directory.CreateDirectory(Path.Combine(dir, "cohorts"));
        Directory.CreateDirectory(Path.Combine(dir, "protocols"));
        File.WriteAllText(Path.Combine(dir, "cohorts", "bad.json"), "{\"id\": \"bad\", \"source\": \"test\", \"baseline_nrs\": {\"median\": 8}}");
        var ex = Assert.Throws<DataFileException>(() => new DataCatalog(dir).LoadCohort("bad"));
        Assert.Equal("baseline_nrs", ex.Field);
    }

    [Fact]
    public void A_price_file_missing_an_item_names_the_item()
    {
        var prices = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Catalog.Root, "prices", "nl.json")))!.AsObject();
        prices["items"]!.AsObject().Remove("inpatient_day");
        string path = TestData.TempFile("prices.json", prices.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadPrices(path));
        Assert.Equal("items.inpatient_day", ex.Field);
    }

    [Fact]
    public void A_parameter_without_a_source_is_refused()
    {
        var file = JsonNode.Parse(File.ReadAllText(TestData.Catalog.DefaultParametersPath))!.AsObject();
        file["parameters"]!["pain.emax"]!["source"] = "";
        string path = TestData.TempFile("params.json", file.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => Parameters.ParameterFile.Load(path));
        Assert.Equal("parameters.pain.emax.source", ex.Field);
    }

    [Fact]
    public void Calibration_never_changes_a_sourced_parameter()
    {
        var file = Parameters.ParameterFile.Load(TestData.Catalog.DefaultParametersPath);
        var ex = Assert.Throws<DataFileException>(() => file.WithValues(new Dictionary<string, double> { ["pain.c50_ng_per_ml"] = 20 }));
        Assert.Contains("sourced", ex.Reason, StringComparison.Ordinal);
    }
}
