using System.Collections.Concurrent;
using WardTwin.Model.Cohorts;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>
/// The reference engine: runs N admissions in-process; patient i is drawn from (seed, i) whatever thread runs it. A runner
/// may be used from several threads at once (a planner's Parallel.For over <see cref="RunOne"/>): each walk takes a workspace
/// of its own from the runner's pool and gives it back when done, so no two walks share one, and a thread that runs
/// many patients reuses the same few objects instead of allocating each admission afresh.
/// </summary>
/// <param name="horizon">Patients followed for years with retreatment (the first course unchanged); null: the first course alone.</param>
public sealed class CohortRunner
{
    private readonly PatientSampler _sampler;
    private readonly ProtocolPlan _plan;
    private readonly HorizonWalk? _horizon;

    // Idle workspaces; ConcurrentBag keeps each thread's own at hand, so a thread mostly takes back the one it gave.
    private readonly ConcurrentBag<AdmissionWorkspace> _workspaces = new();

    public CohortRunner(Protocol protocol, Cohort cohort, ModelParameters parameters, HorizonSettings? horizon = null)
    {
        _sampler = new PatientSampler(cohort, parameters, protocol.Arm);
        _plan = new ProtocolPlan(protocol, parameters);
        _horizon = horizon is null ? null : new HorizonWalk(_plan, horizon);
        Horizon = horizon;
    }

    public ProtocolPlan Plan => _plan;

    public HorizonSettings? Horizon { get; }

    public AdmissionOutcome RunOne(long seed, int index)
    {
        var workspace = Rent();
        var outcome = RunOne(workspace, seed, index);

        // Given back only after a walk that finished: one that threw is dropped with its workspace.
        _workspaces.Add(workspace);
        return outcome;
    }

    public AdmissionOutcome[] Run(int patients, long seed, int maxParallelism = -1, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patients);
        var results = new AdmissionOutcome[patients];
        if (maxParallelism == 1 && progress is null)
        {
            // One thread already (a PSA gives each core whole draws): no scheduling per patient.
            var workspace = Rent();
            for (int i = 0; i < patients; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                results[i] = RunOne(workspace, seed, i);
            }

            _workspaces.Add(workspace);
            return results;
        }

        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellation };
        Parallel.For(0, patients, options, Rent, (i, _, workspace) =>
        {
            results[i] = RunOne(workspace, seed, i);
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 256 == 0 || d == patients))
            {
                progress(d);
            }

            return workspace;
        }, _workspaces.Add);
        return results;
    }

    /// <summary>An idle workspace of this runner's, or a new one: it is the caller's alone until given back.</summary>
    private AdmissionWorkspace Rent() => _workspaces.TryTake(out var workspace) ? workspace : new AdmissionWorkspace();

    private AdmissionOutcome RunOne(AdmissionWorkspace workspace, long seed, int index)
    {
        var patient = _sampler.Sample(seed, index);
        return _horizon is null ? workspace.Admit(_plan, patient).RunToEnd() : _horizon.Run(patient, workspace);
    }
}
