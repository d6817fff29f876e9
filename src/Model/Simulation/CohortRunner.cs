using WardTwin.Model.Cohorts;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>The reference engine: runs N admissions in-process; patient i is drawn from (seed, i) whatever thread runs it.</summary>
/// <param name="horizon">Patients followed for years with retreatment (the first course unchanged); null: the first course alone.</param>
public sealed class CohortRunner
{
    private readonly PatientSampler _sampler;
    private readonly ProtocolPlan _plan;
    private readonly HorizonWalk? _horizon;

    public CohortRunner(Protocol protocol, Cohort cohort, ModelParameters parameters, HorizonSettings? horizon = null)
    {
        _sampler = new PatientSampler(cohort, parameters, protocol.Arm);
        _plan = new ProtocolPlan(protocol, parameters);
        _horizon = horizon is null ? null : new HorizonWalk(_plan, horizon);
        Horizon = horizon;
    }

    public ProtocolPlan Plan => _plan;

    public HorizonSettings? Horizon { get; }

    public AdmissionOutcome RunOne(long seed, int index) =>
        _horizon is null ? new Admission(_plan, _sampler.Sample(seed, index)).RunToEnd() : _horizon.Run(_sampler.Sample(seed, index));

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
