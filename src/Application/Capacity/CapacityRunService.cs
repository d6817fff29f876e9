using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Application.Engines;
using WardTwin.Grains;
using WardTwin.Model.Capacity;
using WardTwin.Model.Data;

namespace WardTwin.Application.Capacity;

/// <summary>A planner's capacity question for some protocols: the one implementation the command line and the planner page use.</summary>
public sealed class CapacityRunService(DataCatalog catalog, IPlannerEngine engine)
{
    /// <param name="outDir">Where capacity.json and capacity.csv go; null: nowhere (the page keeps them).</param>
    public async Task<CapacityRunResult> RunAsync(IReadOnlyList<string> protocols, CapacityQuestion question, string? outDir = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        ArgumentNullException.ThrowIfNull(question);
        Check(question);
        if (protocols.Count == 0)
        {
            throw new ArgumentException("--protocol: give one protocol or more");
        }

        var loaded = protocols.Select(catalog.LoadProtocol).ToArray();
        if (loaded.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != loaded.Length)
        {
            throw new ArgumentException("--protocol: the same protocol twice");
        }

        if (outDir is not null)
        {
            Planner.OutputFolder.CheckWritable(outDir);
        }

        var results = new List<CapacityResult>();
        foreach (string protocol in protocols)
        {
            results.Add(await engine.RunCapacityAsync(CohortRequest.FromCatalog(catalog, protocol, 1, question.Seed), question, cancellation));
        }

        var document = JsonSerializer.SerializeToNode(new { question, results }, CapacityJson.Options)!.AsObject();
        string csv = CapacityCsv.Build([.. results]);
        if (outDir is not null)
        {
            Planner.OutputFolder.WriteAtomically(Path.Combine(outDir, "capacity.json"), document.ToJsonString(CapacityJson.Options));
            Planner.OutputFolder.WriteAtomically(Path.Combine(outDir, "capacity.csv"), csv);
        }

        return new CapacityRunResult(question, results, document, csv);
    }

    private static void Check(CapacityQuestion q)
    {
        if (!(q.PatientsPerYear > 0) || q.PatientsPerYear > 100_000)
        {
            throw new ArgumentException($"--patients-per-year: must be > 0 and at most 100000, got {q.PatientsPerYear}");
        }

        if (q.Beds < 1 || q.Chairs < 1)
        {
            throw new ArgumentException("--beds and --chairs: at least 1");
        }

        if (!(q.Years > 0) || q.Years > 50 || q.Replications is < 1 or > 1000 || !(q.TargetWaitDays >= 0))
        {
            throw new ArgumentException("--years must be in (0, 50], --replications in 1..1000, --target-wait-days >= 0");
        }
    }
}

/// <summary>A capacity question's answers: one result per protocol, capacity.json as a document and capacity.csv.</summary>
public sealed record CapacityRunResult(CapacityQuestion Question, IReadOnlyList<CapacityResult> Results, JsonObject Document, string Csv);
