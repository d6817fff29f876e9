using System.Text.Json.Nodes;
using WardTwin.Model.Data;

namespace WardTwin.Model.Tests;

/// <summary>Scenario files: the shipped ones load; each bad one fails naming the file, the field and why.</summary>
public sealed class ScenarioFileTests
{
    private static JsonObject Shipped() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Catalog.Root, "scenarios", "erasmus-day1-hallucinations.json")))!.AsObject();

    private static DataFileException Load(JsonObject scenario)
    {
        string path = TestData.TempFile("scenario.json", scenario.ToJsonString());
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadScenario(path));
        Assert.Equal(path, ex.File);
        return ex;
    }

    [Fact]
    public void Every_shipped_scenario_loads_and_there_are_at_least_three()
    {
        var ids = TestData.Catalog.ScenarioIds();
        Assert.True(ids.Count >= 3, string.Join(", ", ids));
        foreach (var id in ids)
        {
            var s = TestData.Catalog.LoadScenario(id);
            Assert.Equal(id, s.Id);
            Assert.NotEmpty(s.Rubric);
        }
    }

    [Fact]
    public void An_unknown_scenario_id_lists_the_known_ones()
    {
        var ex = Assert.Throws<DataFileException>(() => TestData.Catalog.LoadScenario("no-such-scenario"));
        Assert.Contains("erasmus-day1-hallucinations", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ward.protocol", "erasmus-8d", "unknown protocol")]
    [InlineData("ward.beds", 0, "training ward has 1-24")]
    [InlineData("ward.time_scale", -1, "> 0")]
    public void A_bad_ward_field_is_named(string field, object value, string reason)
    {
        var s = Shipped();
        s["ward"]![field.Split('.')[1]] = JsonValue.Create(value);
        var ex = Load(s);
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_given_as_a_day_and_a_clock_time_is_hours_after_the_protocols_own_start()
    {
        var s = TestData.Catalog.LoadScenario("goldberg-5d-night-desaturation");
        Assert.Equal((2, "01:00", 16.0), (s.Ward.StartDay, s.Ward.StartClock, s.Ward.StartAtH)); // Goldberg starts at 09:00 on day 1

        var early = Shipped();
        early["ward"]!["start_day"] = 1;
        early["ward"]!["start_clock"] = "08:00";
        early["ward"]!.AsObject().Remove("start_at_h");
        var ex = Load(early);
        Assert.Equal("ward.start_clock", ex.Field);
        Assert.Contains("before the admissions (erasmus-7d starts at 09:00 on day 1)", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_on_a_bed_the_ward_has_not_is_refused()
    {
        var s = Shipped();
        s["patients"]![1]!["bed"] = 7;
        var ex = Load(s);
        Assert.Equal("patients[1].bed", ex.Field);
        Assert.Contains("bed 7 does not exist on a ward of 2", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_of_an_unknown_side_effect_is_named_with_the_known_ones()
    {
        var s = Shipped();
        s["patients"]![0]!["overrides"]!["side_effect_thresholds_ng_per_ml"] = new JsonObject { ["hiccups"] = 3 };
        var ex = Load(s);
        Assert.Equal("patients[0].overrides.side_effect_thresholds_ng_per_ml.hiccups", ex.Field);
        Assert.Contains("dizziness, drowsiness", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_with_both_a_time_and_a_condition_is_refused()
    {
        var s = Shipped();
        s["events"]![0]!["at_h"] = 1;
        var ex = Load(s);
        Assert.Equal("events[0]", ex.Field);
        Assert.Contains("exactly one of at_h", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vitals_change_may_move_the_respiratory_rate_alone_and_the_walk_receives_it()
    {
        var s = Shipped();
        s["events"]!.AsArray().Add(JsonNode.Parse("""{ "id": "slow", "bed": 1, "at_h": 0.5, "kind": "vitals-change", "rr_change_per_min": -6, "duration_h": 0.5 }"""));
        string path = TestData.TempFile("scenario.json", s.ToJsonString());
        var e = TestData.Catalog.LoadScenario(path).Events!.Single(x => x.Id == "slow");
        Assert.Equal(-6, e.RrChangePerMin);
        Assert.Equal(-6, WardTwin.Model.Training.ScenarioEventInjection.ToInjection(e)!.RrChangePerMin);
    }

    [Fact]
    public void An_unknown_event_kind_lists_the_allowed_names()
    {
        var s = Shipped();
        s["events"]![0]!["kind"] = "earthquake";
        var ex = Load(s);
        Assert.Equal("$.events[0].kind", ex.Field);
        Assert.Contains("side-effect", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rubric_line_answering_an_event_the_scenario_has_not_is_named()
    {
        var s = Shipped();
        s["rubric"]!.AsArray().Add(new JsonObject { ["id"] = "x", ["rule"] = "answer-event", ["event"] = "fire", ["within_min"] = 5, ["weight"] = 1, ["text"] = "t" });
        var ex = Load(s);
        Assert.Equal("rubric[6].event", ex.Field);
        Assert.Contains("hallucinations, tachycardia", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windowed_rule_without_a_window_is_refused()
    {
        var s = Shipped();
        s["rubric"]![0]!.AsObject().Remove("within_min");
        var ex = Load(s);
        Assert.Equal("rubric[0]", ex.Field);
        Assert.Contains("within_s or within_min", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_event_line_must_say_what_answers_it_and_a_wrong_penalty_needs_wrong_answers()
    {
        var s = Shipped();
        s["rubric"]!.AsArray().Add(new JsonObject { ["id"] = "x", ["rule"] = "answer-event", ["event"] = "tachycardia", ["within_min"] = 5, ["weight"] = 1, ["text"] = "t" });
        var ex = Load(s);
        Assert.Equal("rubric[6].answers", ex.Field);
        Assert.Contains("oxygen", ex.Reason, StringComparison.Ordinal);

        s["rubric"]![6]!["answers"] = new JsonArray("lower-rate", "midazolam");
        s["rubric"]![6]!["wrong_penalty"] = 5;
        Assert.Equal("rubric[6].wrong_penalty", Load(s).Field);

        s["rubric"]![6]!["wrong_answers"] = new JsonArray("midazolam");
        var both = Load(s);
        Assert.Equal("rubric[6].wrong_answers", both.Field);
        Assert.Contains("'midazolam' is both an answer and a wrong answer", both.Reason, StringComparison.Ordinal);

        s["rubric"]![6]!["answers"] = new JsonArray("lower-rate", "sing");
        Assert.Contains("lower-rate", Load(s).Reason, StringComparison.Ordinal); // an unknown intent lists the known ones
    }

    [Fact]
    public void An_unknown_field_is_named_in_words_without_the_programs_types()
    {
        var s = Shipped();
        s["events"]![0]!["colour"] = "red";
        var ex = Load(s);
        Assert.Equal("$.events[0].colour", ex.Field);
        Assert.StartsWith("unknown field 'colour'", ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("WardTwin.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_on_the_trainees_answer_must_follow_another_event_of_the_scenario()
    {
        var s = Shipped();
        s["events"]![1]!.AsObject().Remove("when");
        s["events"]![1]!["on_trainee"] = new JsonObject { ["after_event"] = "earthquake", ["actions"] = new JsonArray("midazolam"), ["within_min"] = 10 };
        var ex = Load(s);
        Assert.Equal("events[1].on_trainee.after_event", ex.Field);
        Assert.Contains("hallucinations", ex.Reason, StringComparison.Ordinal);

        s["events"]![1]!["on_trainee"]!["after_event"] = "hallucinations";
        s["events"]![1]!["at_h"] = 1;
        Assert.Contains("exactly one of at_h", Load(s).Reason, StringComparison.Ordinal);
    }
}
