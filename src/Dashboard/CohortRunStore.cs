using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WardTwin.Application.Planner;

namespace WardTwin.Dashboard;

/// <summary>The planner's recent runs, kept for download: each run's folder of files, the last few only (older folders are removed).</summary>
public sealed class CohortRunStore(IOptions<DashboardOptions> options)
{
    private const int Keep = 8;
    private readonly ConcurrentDictionary<string, CohortRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly string _root = options.Value.RunsPath is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), $"wardtwin-planner-{Environment.ProcessId}");

    /// <summary>The folder a new run writes into.</summary>
    public string FolderFor(string runId) => Path.Combine(_root, runId);

    public void Add(CohortRun run)
    {
        _runs[run.Id] = run;
        _order.Enqueue(run.Id);
        while (_order.Count > Keep && _order.TryDequeue(out var old))
        {
            if (_runs.TryRemove(old, out var gone))
            {
                Discard(gone.Result.Folder);
            }
        }
    }

    public void Discard(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public CohortRun Get(string id) => _runs.TryGetValue(id, out var run) ? run : throw new ApiException(StatusCodes.Status404NotFound, $"no planner run '{id}' (only the last {Keep} are kept)");

    /// <summary>A file of a run (summary.json, patients.csv under a protocol; comparison.json, psa.csv at the top), or null if it has none.</summary>
    public string? File(string id, params string[] parts)
    {
        var run = Get(id);
        string path = Path.Combine([run.Result.Folder, .. parts]);
        return parts.All(p => p.Length > 0 && p.IndexOfAny(['/', '\\']) < 0 && p != ".." && p != ".") && System.IO.File.Exists(path) ? path : null;
    }
}

/// <summary>One planner run of the page: its id and what the service gave back (folder, summaries, comparison, PSA plane).</summary>
public sealed record CohortRun(string Id, PlannerRunResult Result);
