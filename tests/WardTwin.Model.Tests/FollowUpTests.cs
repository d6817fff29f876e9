using System.Text.Json.Nodes;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Pd;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;
using WardTwin.Model.Simulation;
using WardTwin.Model.Statistics;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

/// <summary>Model card section 6 (revision 2): per-patient T2, weekly follow-up to a horizon, duration of relief, pain measures in outcomes.</summary>
public sealed class FollowUpTests
{
    private static AdmissionOutcome Run(string protocolId, VirtualPatient patient) =>
        new Admission(new ProtocolPlan(TestData.Catalog.LoadProtocol(protocolId), TestData.Parameters), patient).RunToEnd();

    private static JsonObject Summary(string protocolId, int patients, long seed)
    {
        var protocol = TestData.Catalog.LoadProtocol(protocolId);
        var outcomes = new CohortRunner(protocol, TestData.Catalog.LoadCohort(protocol.Cohort), TestData.Parameters).Run(patients, seed);
        var result = CohortResult.Price(protocol, seed, outcomes, TestData.Catalog.LoadPrices("nl"), TestData.Parameters.Alarms.Select(AlarmEvaluator.Name).ToArray());
        return CohortSummary.Build(result);
    }

    [Fact]
    public void Erasmus_T2_is_drawn_per_patient_with_median_4_and_IQR_5_weeks()
    {
        var t2 = TestData.Catalog.LoadProtocol("erasmus-7d").OutcomesOrDefault.T2;
        Assert.False(t2.IsFixed);
        var draws = Enumerable.Range(0, 20000).Select(i =>
        {
            var r = SeededRandom.For(5, i, StreamPurpose.OutcomeTimes);
            return t2.Draw(ref r);
        }).ToArray();
        var d = Dist.Of(draws);
        Assert.InRange(d.Median, 3.85, 4.15);
        Assert.InRange(d.Iqr, 4.8, 5.2);
        Assert.All(draws, x => Assert.True(x > 0));
    }

    [Fact]
    public void A_fixed_T2_gives_every_patient_the_same_time()
    {
        var t2 = TestData.Catalog.LoadProtocol("goldberg-10d-outpatient").OutcomesOrDefault.T2;
        var r = SeededRandom.For(5, 0, StreamPurpose.OutcomeTimes);
        Assert.Equal(6, t2.Draw(ref r));
    }

    [Fact]
    public void Duration_of_relief_is_the_first_weekly_score_no_longer_two_points_below_T0()
    {
        // A responder whose effect site fades over the follow-up: relief ends somewhere inside the horizon.
        var outcome = Run("erasmus-7d", TestData.Patient(responder: true, c50: 2));
        Assert.True(outcome.ResponderT1TwoPoints, $"T1 {outcome.NrsT1} from T0 {outcome.NrsT0}");
        Assert.Equal(26, outcome.WeeklyNrsAfter.Length);
        int first = Array.FindIndex(outcome.WeeklyNrsAfter, s => s > outcome.NrsT0 - 2);
        Assert.True(first > 0, $"weekly {string.Join(' ', outcome.WeeklyNrsAfter)} from T0 {outcome.NrsT0}");
        Assert.Equal(first + 1, outcome.ReliefDurationWeeks); // week (first + 1) is the first score without relief
        Assert.False(outcome.ReliefCensored);
    }

    [Fact]
    public void A_patient_without_relief_at_T1_has_none_to_last()
    {
        var outcome = Run("erasmus-7d", TestData.Patient(responder: false));
        Assert.False(outcome.ResponderT1TwoPoints);
        Assert.Equal(0, outcome.ReliefDurationWeeks);
        Assert.False(outcome.ReliefCensored);
    }

    [Fact]
    public void Relief_that_outlasts_the_horizon_is_censored_at_it()
    {
        // A very sensitive patient whose effect site fades slowly: still relieved at week 26.
        var outcome = Run("erasmus-7d", TestData.Patient(responder: true, c50: 0.01) with { Ke0SlowPerH = Math.Log(2) / (200 * 24.0) });
        Assert.All(outcome.WeeklyNrsAfter, s => Assert.True(s <= outcome.NrsT0 - 2));
        Assert.True(outcome.ReliefCensored);
        Assert.Equal(26, outcome.ReliefDurationWeeks);
    }

    [Fact]
    public void Summary_names_each_scores_measure_and_carries_follow_up_fields()
    {
        var s = Summary("goldberg-5d-inpatient", 200, 3);
        var nrs = s["nrs"]!.AsObject();
        Assert.Equal("current", (string?)nrs["t1"]!["measure"]);
        Assert.Equal("current", (string?)nrs["t0"]!["measure"]);
        Assert.Equal("worst_24h", (string?)nrs["t0_cohort"]!["measure"]);
        Assert.InRange((double)nrs["t0_cohort"]!["mean"]! - (double)nrs["t0"]!["mean"]!, 0.9, 1.25);
        Assert.All(nrs["by_treatment_day"]!.AsArray(), d => Assert.Equal("worst_24h", (string?)d!["measure"]));
        Assert.Equal(26, nrs["by_week_after"]!.AsArray().Count);
        Assert.Equal(4, (double)s["t2_weeks_after_end"]!["median"]!);
        Assert.Equal(0, (double)s["t2_weeks_after_end"]!["sd"]!);
        var relief = s["relief_duration_weeks"]!.AsObject();
        Assert.True((int)relief["n"]! > 0);
        Assert.InRange((int)s["relief_duration_censored"]!, 0, (int)relief["n"]!);
    }

    [Fact]
    public void Goldberg_2005_journal_records_current_and_worst_pain_each_session_day()
    {
        var days = Summary("goldberg-10d-outpatient", 100, 3)["nrs"]!["by_treatment_day"]!.AsArray();
        Assert.Equal(20, days.Count);
        var day1 = days.Where(d => (int)d!["day"]! == 1).ToDictionary(d => (string)d!["measure"]!, d => (double)d!["mean"]!);
        Assert.InRange(day1["worst_24h"] - day1["current"], 0.8, 1.4);
    }

    [Fact]
    public void Erasmus_T2_times_spread_per_patient_in_the_summary()
    {
        var t2 = Summary("erasmus-7d", 400, 3)["t2_weeks_after_end"]!.AsObject();
        Assert.InRange((double)t2["median"]!, 3.3, 4.7);
        Assert.True((double)t2["sd"]! > 1);
    }

    [Theory]
    [InlineData("""{"median": 4}""", "median > 0 and iqr > 0")]
    [InlineData("""-2""", "a fixed time is a number of weeks > 0")]
    [InlineData("""{"median": 4, "iqr": 5, "shape": "weibull"}""", "shape 'weibull' is not one of log-normal, normal")]
    [InlineData("""{"median": 4, "iqr": 5, "mode": 3}""", "unknown key 'mode'")]
    [InlineData("""{"median": 4, "iqr": 5, "min": 8, "max": 2}""", "min 8 is above max 2")]
    public void A_bad_outcome_time_is_refused_naming_the_field(string t2, string expected)
    {
        string text = File.ReadAllText(TestData.Catalog.ResolveProtocolPath("erasmus-7d"));
        var root = JsonNode.Parse(text)!.AsObject();
        root["outcomes"]!["t2_weeks_after_end"] = JsonNode.Parse(t2);
        string path = TestData.TempFile("bad-t2.json", root.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadProtocol(path));
        Assert.Contains("t2_weeks_after_end", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outcomes", "measure", "\"average\"", "$.outcomes.measure", "must be one of current, worst_24h")]
    [InlineData("outcomes", "follow_up_horizon_weeks", "2.5", "$.outcomes.follow_up_horizon_weeks", "must be a whole number")]
    [InlineData("assessments", "measures", "[\"current\", \"worst\"]", "$.assessments.measures[1]", "must be one of current, worst_24h")]
    [InlineData("assessments", "measures", "[]", "assessments.measures", "is empty")]
    public void A_bad_pain_measure_or_horizon_is_refused_with_what_the_field_allows(string section, string key, string value, string field, string reason)
    {
        string text = File.ReadAllText(TestData.Catalog.ResolveProtocolPath("erasmus-7d"));
        var root = JsonNode.Parse(text)!.AsObject();
        root[section]![key] = JsonNode.Parse(value);
        string path = TestData.TempFile("bad.json", root.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadProtocol(path));
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("WardTwin.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assessments_name_their_measures_once()
    {
        string text = File.ReadAllText(TestData.Catalog.ResolveProtocolPath("goldberg-10d-outpatient"));
        var root = JsonNode.Parse(text)!.AsObject();
        root["assessments"]!["measures"] = JsonNode.Parse("""["current", "current"]""");
        string path = TestData.TempFile("bad-measures.json", root.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadProtocol(path));
        Assert.Contains("assessments.measures", ex.Message, StringComparison.Ordinal);
    }
}
