using MathNet.Numerics.Statistics;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Tests;

/// <summary>The probabilistic analysis draws the evidence's uncertainty and re-simulates; it is not Monte Carlo noise.</summary>
public sealed class PsaTests
{
    private static ParameterFile File => ParameterFile.Load(TestData.Catalog.DefaultParametersPath);

    [Fact]
    public void Parameter_draws_follow_the_published_interval_and_the_seed()
    {
        var draws = Enumerable.Range(1, 4000).Select(d => ParameterSampler.Draw(File, seed: 3, d)).ToArray();
        var c50 = draws.Select(d => d["pain.c50_ng_per_ml"]).ToArray();

        // Log-normal centred on 10.5 with the spread of 4.37-21.2: about that interval's width around the value.
        double sigma = Math.Log(21.2 / 4.37) / 3.92;
        Assert.Equal(10.5, c50.Median(), 0.5);
        Assert.Equal(10.5 * Math.Exp(-1.96 * sigma), c50.Quantile(0.025), 0.5);
        Assert.Equal(10.5 * Math.Exp(1.96 * sigma), c50.Quantile(0.975), 1.5);

        // Beta from n 30 around 0.67: SD sqrt(p(1-p)/(n+1)).
        var p = draws.Select(d => d["pain.responder_p_ketamine"]).ToArray();
        Assert.Equal(0.67, p.Mean(), 0.01);
        Assert.Equal(Math.Sqrt(0.67 * 0.33 / 31), p.StandardDeviation(), 0.01);

        // The effect half-life stays inside its published interval (its entry's min..max).
        Assert.All(draws, d => Assert.InRange(d["pain.ke0_half_life_days"], 5.3, 20.5));

        Assert.Equal(ParameterSampler.Draw(File, 3, 7), ParameterSampler.Draw(File, 3, 7));
        Assert.NotEqual(ParameterSampler.Draw(File, 3, 7)["pain.c50_ng_per_ml"], ParameterSampler.Draw(File, 4, 7)["pain.c50_ng_per_ml"]);
    }

    [Fact]
    public void The_interval_of_the_difference_does_not_shrink_with_more_patients_per_draw()
    {
        // Widths of the 95 % interval of the difference in T1 responders (Goldberg outpatient minus Erasmus),
        // over the same 40 draws. Monte Carlo noise alone narrows by sqrt(8) = 2.8x from 150 to 1,200 patients a
        // draw; the evidence's spread does not narrow at all.
        double Width(int patients, ParameterFile file)
        {
            var run = Run(patients, draws: 40, file);
            var inc = Incremental.Of(run.Strategy("goldberg-10d-outpatient", PsaEffect.RespondersT1), run.Strategy("erasmus-7d", PsaEffect.RespondersT1), "responders");
            return inc.DeltaEffectHigh - inc.DeltaEffectLow;
        }

        double small = Width(150, File), large = Width(1200, File), noiseOnly = Width(1200, WithoutUncertainty(File));
        Assert.True(large > 0.6 * small, $"interval {small:0.000} at 150 patients a draw, {large:0.000} at 1,200: it shrank like Monte Carlo noise");
        Assert.True(large > 2 * noiseOnly, $"interval {large:0.000} with the evidence drawn, {noiseOnly:0.000} with it held: the draws should dominate");
    }

    [Fact]
    public void Every_protocol_in_a_draw_runs_the_same_patients_and_the_report_adds_up()
    {
        var run = Run(patients: 200, draws: 12);
        Assert.Equal(24, run.Rows.Count);
        Assert.Equal(12, run.Rows.Select(r => r.Draw).Distinct().Count());
        var json = PsaReport.Json(run, PsaEffect.RespondersT1, Acceptability.Range(100_000, 10_000));
        Assert.Equal("erasmus-7d", (string)json["comparator"]!);
        foreach (var point in json["ceac"]!.AsArray())
        {
            double sum = point!["probability_cost_effective"]!.AsObject().Sum(p => (double)p.Value!);
            Assert.Equal(1, sum, 6);
            Assert.True((double)point["evpi_per_patient"]! >= 0);
        }

        Assert.Equal(12, json["incremental"]![0]!["plane"]!.AsArray().Count);
        Assert.Contains("pain.c50_ng_per_ml", json["parameters_drawn"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Contains("pain.emax", json["parameters_drawn"]!.AsArray().Select(p => (string)p!["name"]!)); // calibrate's fit uncertainty
        Assert.Contains("pain.report_noise_sd", json["parameters_held"]!["names"]!.AsArray().Select(p => (string)p!));
        var csv = PsaReport.LongCsv(run).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, csv.Length);
        Assert.StartsWith("draw,protocol,cost,responders_t1,responders_week_12,relief_weeks,qalys_26w,", csv[0], StringComparison.Ordinal);
        Assert.Contains(",pain.c50_ng_per_ml,", csv[0], StringComparison.Ordinal);
        Assert.Contains(",economics.nausea_disutility,", csv[0], StringComparison.Ordinal); // drawn, though only a horizon run uses it
    }

    [Fact]
    public void An_uncertainty_that_cannot_be_drawn_is_refused_naming_the_parameter()
    {
        string text = System.IO.File.ReadAllText(TestData.Catalog.DefaultParametersPath).Replace(
            "\"ci_low\": 4.37", "\"ci_low\": 40", StringComparison.Ordinal);
        var ex = Assert.Throws<DataFileException>(() => ParameterFile.Parse(text, "bad.json"));
        Assert.Contains("parameters.pain.c50_ng_per_ml.uncertainty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ci_low < ci_high", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_way_moves_each_input_alone_and_the_tornado_puts_the_widest_first()
    {
        var catalog = TestData.Catalog;
        var protocols = new[] { catalog.LoadProtocol("erasmus-7d"), catalog.LoadProtocol("goldberg-10d-outpatient") };
        var cohort = catalog.LoadCohort("erasmus-2021");
        var prices = catalog.LoadPrices("nl");
        var evaluator = new StrategyEvaluator(protocols, _ => cohort, WardTwin.Model.Costs.CostRules.Default, patients: 300, seed: 4);
        var rows = OneWay.Run(evaluator, File, prices, wtp: 20_000);
        var centre = OneWay.Base(evaluator, File, prices, 20_000);

        // A dearer inpatient day makes the inpatient comparator dearer: the outpatient course gains exactly bed-days x the change.
        var day = rows.Single(r => r.Input == "price inpatient_day");
        var erasmus = new WardTwin.Model.Simulation.CohortRunner(protocols[0], cohort, ModelParameters.From(File)).Run(300, 4);
        double bedDays = erasmus.Average(o => o.BedDays);
        Assert.Equal(bedDays * (1036 - 596), day.AtHigh.IncrementalNetBenefit - day.AtLow.IncrementalNetBenefit, 6);
        Assert.Equal(centre.DeltaEffect, day.AtLow.DeltaEffect, 9); // prices do not move responders

        // A parameter row re-simulates: C50 at its interval's ends moves the responders.
        var c50 = rows.Single(r => r.Input == "parameter pain.c50_ng_per_ml");
        Assert.NotEqual(c50.AtLow.DeltaEffect, c50.AtHigh.DeltaEffect);

        Assert.Equal(rows.Select(r => r.Span(centre.IncrementalNetBenefit)).OrderDescending(), rows.Select(r => r.Span(centre.IncrementalNetBenefit)));

        // A scenario of prices alone gives what re-pricing by hand gives.
        var scenario = new Scenario("dear-sessions", new Dictionary<string, double> { ["day_care_session"] = 845 }, new Dictionary<string, double>());
        var values = scenario.Evaluate(evaluator, File, prices);
        var sessions = rows.Single(r => r.Input == "price day_care_session");
        Assert.Equal(sessions.AtHigh.DeltaCost, values[1].Cost - values[0].Cost, 6);
    }

    private static ParameterFile WithoutUncertainty(ParameterFile file)
    {
        var root = (System.Text.Json.Nodes.JsonObject)file.Root.DeepClone();
        foreach (var (_, entry) in root["parameters"]!.AsObject())
        {
            entry!.AsObject().Remove("uncertainty");
        }

        return ParameterFile.Parse(root.ToJsonString(), file.Path);
    }

    private static PsaRun Run(int patients, int draws, ParameterFile? file = null)
    {
        var catalog = TestData.Catalog;
        var protocols = new[] { catalog.LoadProtocol("erasmus-7d"), catalog.LoadProtocol("goldberg-10d-outpatient") };
        var cohort = catalog.LoadCohort("erasmus-2021");
        return PsaRunner.Run(new PsaSetup(protocols, _ => cohort, file ?? File, catalog.LoadPrices("nl"), patients, Seed: 11, draws, Week: 12));
    }
}
