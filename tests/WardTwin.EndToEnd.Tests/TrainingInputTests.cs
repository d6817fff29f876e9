using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// A trainee's numbers through the API, read as the page reads them: strictly (no hex, no separators), any rate above the hard
/// limit a hard-limit attempt whatever its size, a soft-limit confirmation only with the revision seen, and every refusal in
/// clinical words. One paused training session (nothing moves while the tests run).
/// </summary>
public sealed class TrainingInputTests : IAsyncLifetime
{
    private static readonly string[] DotNetWords = ["Exception", "(Parameter", "Int32", "Int64", "System.", "WardTwin.", ".NET", "doseMg"];
    private RunningSilo? _silo;

    private RunningSilo Silo => _silo!;

    public async Task InitializeAsync() => _silo = await RunningSilo.StartAsync(null, "127.0.0.1",
        "--scenario", "erasmus-day1-hallucinations", "--trainees", "ann,ben,cat", "--session", "in", "--start-paused", "--ward", "in.ann");

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonNode Body, string Text)> Act(string body)
    {
        var response = await Silo.Http.PostAsync(Silo.BaseUrl + "/api/training/in/act", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        foreach (var word in DotNetWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }

        return (response.StatusCode, JsonNode.Parse(text)!, text);
    }

    private async Task<JsonArray> Record(string trainee) =>
        JsonNode.Parse(await Silo.Http.GetStringAsync(Silo.BaseUrl + $"/api/training/in/{trainee}/debrief.json"))!["record"]!.AsArray();

    [Fact]
    public async Task Numbers_are_read_strictly_a_confirmation_needs_the_revision_and_any_rate_above_the_hard_limit_is_an_attempt()
    {
        // Hex, separators, words and signs are refused naming the field, as the page refuses them, and nothing is recorded.
        foreach (var (value, reason) in new[] { ("\"0x10\"", "'0x10' is not a number"), ("\"1,000\"", "thousands separators"), ("\"Infinity\"", "'Infinity' is not a number"), ("-1", "negative") })
        {
            var (status, body, _) = await Act($"{{\"trainee\":\"ann\",\"bed\":1,\"action\":\"set-rate\",\"value\":{value}}}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(reason, (string)body["errors"]!["value"]![0]!, StringComparison.Ordinal);
        }

        var bed = await Act("{\"trainee\":\"ann\",\"bed\":1.5,\"action\":\"pause\"}");
        Assert.Equal("bed: must be a whole number", (string)bed.Body["detail"]!);
        Assert.DoesNotContain(await Record("ann"), e => (string)e!["kind"]! == "TraineeAction");

        // 13 mg/h confirmed without the revision the trainee saw: asked again (409) with the revision, the pump unchanged.
        var unseen = await Act("{\"trainee\":\"ann\",\"bed\":1,\"action\":\"set-rate\",\"value\":13,\"confirm\":true}");
        Assert.Equal(HttpStatusCode.Conflict, unseen.Status);
        Assert.Equal("needsconfirmation", (string)unseen.Body["outcome"]!);
        long revision = (long)unseen.Body["pumpRevision"]!;
        var confirmed = await Act($"{{\"trainee\":\"ann\",\"bed\":1,\"action\":\"set-rate\",\"value\":13,\"confirm\":true,\"revision\":{revision}}}");
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);

        // A dose of 1e9 mg is refused in clinical words (no type or parameter names).
        var dose = await Act("{\"trainee\":\"ann\",\"bed\":2,\"action\":\"midazolam\",\"value\":1e9}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dose.Status);
        Assert.Equal("a midazolam dose of 1000000000 mg is outside 0-4 mg", (string)dose.Body["message"]!);

        // 10001 and 1e9 mg/h are hard-limit attempts like 15: refused by the pump, recorded as such, and here critical.
        foreach (var (trainee, value) in new[] { ("ben", "10001"), ("cat", "1e9") })
        {
            var (status, body, _) = await Act($"{{\"trainee\":\"{trainee}\",\"bed\":1,\"action\":\"set-rate\",\"value\":{value}}}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Contains("above the hard limit of 14 mg/h", (string)body["message"]!, StringComparison.Ordinal);
            Assert.Contains("a critical error: the scenario has ended", (string)body["message"]!, StringComparison.Ordinal);
            Assert.Contains(await Record(trainee), e => (string)e!["kind"]! == "TraineeAction" && (bool)e["aboveHardLimit"]!);
            var debrief = JsonNode.Parse(await Silo.Http.GetStringAsync(Silo.BaseUrl + $"/api/training/in/{trainee}/debrief.json"))!;
            Assert.Equal("hard-limit", (string)debrief["endedBy"]!);
            Assert.Contains("above the hard limit", (string)debrief["ended"]!["what"]!, StringComparison.Ordinal);
        }

        // All this while `run --start-paused` held every clock at the scenario's start; it moves once the instructor resumes.
        JsonNode Ann(JsonNode view) => view["trainees"]!.AsArray().Single(t => (string)t!["trainee"]! == "ann")!;
        var ann = Ann(JsonNode.Parse(await Silo.Http.GetStringAsync(Silo.BaseUrl + "/api/training/in"))!);
        Assert.Equal((false, false, 1.75), ((bool)ann["running"]!, (bool)ann["clockStarted"]!, (double)ann["simTimeH"]!));
        Assert.DoesNotContain(await Record("ann"), e => (string)e!["kind"]! is "AlarmRaised" or "EventFired");
        var resumed = await Silo.Http.PostAsync(Silo.BaseUrl + "/api/training/in/resume", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double moved = 1.75;
        while (moved <= 1.75 && DateTime.UtcNow < deadline)
        {
            moved = (double)Ann(JsonNode.Parse(await Silo.Http.GetStringAsync(Silo.BaseUrl + "/api/training/in"))!)["simTimeH"]!;
        }

        Assert.True(moved > 1.75, "the clock did not start after resume");
    }
}
