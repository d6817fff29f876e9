using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Dashboard;

/// <summary>The planner's recent runs, kept for download (the last few only: each holds its patients' rows).</summary>
public sealed class CohortRunStore
{
    private const int Keep = 8;
    private readonly ConcurrentDictionary<string, CohortRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(CohortRun run)
    {
        _runs[run.Id] = run;
        _order.Enqueue(run.Id);
        while (_order.Count > Keep && _order.TryDequeue(out var old))
        {
            _runs.TryRemove(old, out _);
        }
    }

    public CohortRun Get(string id) => _runs.TryGetValue(id, out var run) ? run : throw new ApiException(StatusCodes.Status404NotFound, $"no planner run '{id}' (only the last {Keep} are kept)");
}

/// <summary>One planner run: its cohorts, their summaries and the comparison.</summary>
/// <param name="Comparison">The rows the page draws.</param>
/// <param name="Document">comparison.json as the command line writes it: provenance, comparator and the rows.</param>
/// <param name="PsaDraws">The PSA's draws as differences from the comparator (the CE plane), when one was run.</param>
/// <param name="PsaFiles">psa.csv and psa_wide.csv, as the command line writes them, when a PSA was run.</param>
public sealed record CohortRun(string Id, IReadOnlyList<CohortResult> Results, IReadOnlyDictionary<string, JsonObject> Summaries, IReadOnlyList<ComparisonRow> Comparison, JsonObject Document,
    JsonArray? PsaDraws = null, IReadOnlyDictionary<string, string>? PsaFiles = null);
