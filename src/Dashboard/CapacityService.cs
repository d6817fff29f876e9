using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Dashboard.Api;
using WardTwin.Model.Capacity;
using WardTwin.Model.Simulation;

namespace WardTwin.Dashboard;

/// <summary>Runs a planner's capacity question with the model in this process (it takes well under a second) and keeps the last few for download.</summary>
public sealed class CapacityService(DataCatalogProvider data)
{
    private const int Keep = 8;
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly ConcurrentDictionary<string, (JsonObject Document, string Csv)> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<(string Id, JsonObject Capacity)> RunAsync(CapacityRequest r)
    {
        var catalog = data.Catalog;
        if (r.Protocols.Distinct(StringComparer.Ordinal).Count() != r.Protocols.Length)
        {
            throw ApiException.Bad("protocols", "the same protocol twice");
        }

        var known = catalog.ProtocolIds();
        foreach (var (id, i) in r.Protocols.Select((p, i) => (p, i)).Where(x => !known.Contains(x.p)))
        {
            throw ApiException.Bad($"protocols[{i}]", $"'{id}' is not a protocol id; known: {string.Join(", ", known)}");
        }

        var question = new CapacityQuestion(r.PatientsPerYear, r.Beds, r.Chairs, r.Opening == "all" ? Opening.All : Opening.Weekdays, r.Years, r.Replications, r.TargetWaitDays, r.Seed);
        var parameters = catalog.LoadParameters();
        var results = await Task.Run(() => r.Protocols.Select(catalog.LoadProtocol)
            .Select(p => new CapacitySimulation(p, new CohortRunner(p, catalog.LoadCohort(p.Cohort), parameters), question).Run()).ToArray());
        var document = JsonSerializer.SerializeToNode(new { question, results }, Json)!.AsObject();
        string runId = Guid.NewGuid().ToString("N")[..12];
        _runs[runId] = (document, CapacityCsv.Build(results));
        _order.Enqueue(runId);
        while (_order.Count > Keep && _order.TryDequeue(out var old))
        {
            _runs.TryRemove(old, out _);
        }

        return (runId, document);
    }

    public JsonObject Get(string id) => Find(id).Document;

    public string Csv(string id) => Find(id).Csv;

    private (JsonObject Document, string Csv) Find(string id) => _runs.TryGetValue(id, out var run) ? run : throw new ApiException(StatusCodes.Status404NotFound, $"no capacity run '{id}' (only the last {Keep} are kept)");
}
