using System.Net;
using System.Text;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Garbage gets 400 problem details naming the field (by its JSON name) and changes nothing.</summary>
public sealed class GarbageRequestTests(RealTimeWardFixture ward) : IClassFixture<RealTimeWardFixture>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/patients/ward-1/0/rate", "not json at all", "body", "not valid JSON")]
    [InlineData("/api/patients/ward-1/0/rate", "[1, 2]", "body", "JSON object")]
    [InlineData("/api/patients/ward-1/0/rate", "{\"rateMgPerH\": \"fast\"}", "rateMgPerH", "must be a number")]
    [InlineData("/api/patients/ward-1/0/rate", "{\"rateMgPerH\": -3}", "rateMgPerH", "between 0 and 10000")]
    [InlineData("/api/patients/ward-1/0/rate", "{}", "rateMgPerH", "missing")]
    [InlineData("/api/patients/ward-1/0/rate", "{\"rateMgPerH\": 9, \"rate\": 9}", "rate", "unknown field")]
    [InlineData("/api/patients/ward-1/0/midazolam", "{\"doseMg\": 50}", "doseMg", "outside 0-")]
    [InlineData("/api/wards/ward-1/time-scale", "{\"timeScale\": 0}", "timeScale", "or \"max\"")]
    [InlineData("/api/wards/ward-1/start", "{\"beds\": 2.5}", "beds", "must be a whole number")]
    [InlineData("/api/cohorts", "{\"protocols\": \"erasmus-7d\"}", "protocols", "must be")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"x/../../etc\"]}", "protocols[0]", "not a protocol id")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"prices\": \"de\"}", "prices", "one of nl, us")]
    [InlineData("/api/patients/ward-1/0/pump/explode", "{}", "key", "not one of start")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"placebo\": true}", "placebo", "unknown field")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"price\": {\"inpatient_day\": 1}}", "price", "unknown field")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\", \"erasmus-7d\"]}", "protocols", "the same protocol twice")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"comparator\": \"dahan-100h\"}", "comparator", "not one of the protocols compared")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"cohort\": \"atlantis\"}", "cohort", "not a cohort id; known: adolescent-crps, dahan-2011")]
    [InlineData("/api/capacity", "{\"protocols\": [\"erasmus-7d\"], \"patientsPerYear\": -5}", "patientsPerYear", "between")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"ownProtocol\": \"{\\\"id\\\": \\\"mine\\\"}\"}", "ownProtocol", "missing required")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"priceOverrides\": {\"caviar\": 3}}", "priceOverrides.caviar", "not a price item of nl")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"psa\": {\"draws\": 1}}", "psa.draws", "must be 0 (none) or 2-100000 draws, got 1: one draw gives a zero-width interval and EVPI 0")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"psa\": {\"draws\": 5000}}", "psa.draws", "between 0 and 2000")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"psa\": {\"wtpMax\": 0}}", "psa.wtpMax", "must be a willingness to pay > 0 (leave it out for the default), got 0")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"psa\": {\"wtpStep\": -1}}", "psa.wtpStep", "must be a step > 0")]
    [InlineData("/api/cohorts", "{\"protocols\": [\"erasmus-7d\"], \"psa\": {\"wtpMax\": 100, \"wtpStep\": 500}}", "psa.wtpStep", "the step 500 is larger than the largest willingness to pay (100)")]
    [InlineData("/api/capacity", "{\"protocols\": [\"erasmus-7d\"], \"patientsPerYear\": 60, \"opening\": \"sundays\"}", "opening", "weekdays or all")]
    public async Task Garbage_requests_get_400_problem_details_naming_the_field_and_change_nothing(string path, string body, string field, string reason)
    {
        var silo = ward.Silo;

        // Wait for the ward's first tick to start the infusion; in real time nothing else changes for hours.
        string before = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        for (var deadline = DateTime.UtcNow.AddSeconds(20); Pump(before) == "0" && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            before = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        }

        var response = await silo.Http.PostAsync(silo.BaseUrl + path, Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        var messages = problem["errors"]?[field]?.AsArray().Select(m => (string)m!).ToArray();
        Assert.True(messages is { Length: > 0 }, $"errors should name '{field}': {problem.ToJsonString()}");
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.StartsWith($"{field}: ", (string)problem["detail"]!, StringComparison.Ordinal);
        var after = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0");
        Assert.Equal(Pump(before), Pump(after));
    }

    private static string Pump(string patientJson) => System.Text.Json.Nodes.JsonNode.Parse(patientJson)!["pump"]!["rateMgPerH"]!.ToJsonString();
}
