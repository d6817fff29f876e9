using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WardTwin.Application.Capacity;
using WardTwin.Application.Engines;
using WardTwin.Dashboard.Api;
using WardTwin.Model.Capacity;

namespace WardTwin.Dashboard;

/// <summary>The planner page's capacity questions: the command line's <see cref="CapacityRunService"/> on the cluster's grains; the last few kept for download.</summary>
public sealed class CapacityService(DataCatalogProvider data, IGrainFactory grains, ILogger<GrainPlannerEngine> engineLog)
{
    private const int Keep = 8;
    private readonly ConcurrentDictionary<string, CapacityRunResult> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<(string Id, JsonObject Capacity)> RunAsync(CapacityRequest r, CancellationToken cancellation)
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
        var result = await new CapacityRunService(catalog, new GrainPlannerEngine(grains, engineLog)).RunAsync(r.Protocols, question, cancellation: cancellation);
        string runId = Guid.NewGuid().ToString("N")[..12];
        _runs[runId] = result;
        _order.Enqueue(runId);
        while (_order.Count > Keep && _order.TryDequeue(out var old))
        {
            _runs.TryRemove(old, out _);
        }

        return (runId, result.Document);
    }

    public JsonObject Get(string id) => Find(id).Document;

    public string Csv(string id) => Find(id).Csv;

    private CapacityRunResult Find(string id) => _runs.TryGetValue(id, out var run) ? run : throw new ApiException(StatusCodes.Status404NotFound, $"no capacity run '{id}' (only the last {Keep} are kept)");
}
