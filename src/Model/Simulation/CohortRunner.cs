using WardTwin.Model.Cohorts;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>The reference engine: runs N admissions in-process; patient i is drawn from (seed, i) whatever thread runs it.</summary>
public sealed class CohortRunner(Protocol protocol, Cohort cohort, ModelParameters parameters)
{
    private readonly PatientSampler _sampler = new(cohort, parameters, protocol.Arm);
    private readonly ProtocolPlan _plan = new(protocol, parameters);

    public ProtocolPlan Plan => _plan;

    public AdmissionOutcome RunOne(long seed, int index) =>
        new Admission(_plan, _sampler.Sample(seed, index)).RunToEnd();

    public AdmissionOutcome[] Run(int patients, long seed, int maxParallelism = -1, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patients);
        var results = new AdmissionOutcome[patients];
        if (maxParallelism == 1 && progress is null)
        {
            // One thread already (a PSA gives each core whole draws): no scheduling per patient.
            for (int i = 0; i < patients; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                results[i] = RunOne(seed, i);
            }

            return results;
        }

        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellation };
        Parallel.For(0, patients, options, i =>
        {
            results[i] = RunOne(seed, i);
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 256 == 0 || d == patients))
            {
                progress(d);
            }
        });
        return results;
    }
}
