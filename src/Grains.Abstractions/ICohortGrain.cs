using Orleans.Concurrency;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>A planner's cohort: fans N admissions out over shard grains and collects their outcomes in patient order.</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task<AdmissionOutcome[]> RunAsync(CohortRequest request);

    [AlwaysInterleave]
    Task<CohortProgress> GetProgressAsync();

    /// <summary>The request this cohort runs (its shards on other silos fetch it once, while the cohort waits on them).</summary>
    [AlwaysInterleave]
    Task<CohortRequest> GetRequestAsync();
}
