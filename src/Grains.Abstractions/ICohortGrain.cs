using Orleans.Concurrency;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>A planner's cohort: fans N admissions out over shard grains and collects their outcomes in patient order.</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task<AdmissionOutcome[]> RunAsync(CohortRequest request);

    [AlwaysInterleave]
    Task<CohortProgress> GetProgressAsync();
}
