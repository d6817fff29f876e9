using WardTwin.Grains;
using WardTwin.Model.Capacity;
using WardTwin.Model.Outcomes;

namespace WardTwin.Application.Engines;

/// <summary>
/// Where a planner run's admissions are simulated: the grains of a cluster (the default) or this process (the
/// reference, kept as the check). Both hand results back in order, a chunk at a time, so a reader's memory does
/// not grow with the run, and both give the same results for the same request.
/// </summary>
public interface IPlannerEngine
{
    string Name { get; }

    /// <summary>The cohort's admissions in patient order, in chunks.</summary>
    IAsyncEnumerable<AdmissionOutcome[]> RunCohortAsync(CohortRequest request, CancellationToken cancellation);

    /// <summary>The PSA's draws in draw order.</summary>
    IAsyncEnumerable<PsaDrawRows> RunPsaAsync(PsaJobRequest request, CancellationToken cancellation);

    /// <summary>One protocol's capacity question (a discrete-event simulation of well under a second).</summary>
    Task<CapacityResult> RunCapacityAsync(CohortRequest protocol, CapacityQuestion question, CancellationToken cancellation);
}
