using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>Runs one block of a cohort's admissions (patients First..First+Count-1), each exactly as the reference engine would.</summary>
public interface ICohortShardGrain : IGrainWithStringKey
{
    Task<AdmissionOutcome[]> RunAsync(CohortRequest request, int first, int count);
}
