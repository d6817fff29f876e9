using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>A block of a cohort's admissions, run with the model's own walker so that every outcome equals the reference engine's.</summary>
public sealed class CohortShardGrain(ModelCatalog catalog, WardTwinMetrics metrics) : Grain, ICohortShardGrain
{
    public Task<AdmissionOutcome[]> RunAsync(CohortRequest request, int first, int count)
    {
        var runner = catalog.RunnerFor(request);
        var outcomes = new AdmissionOutcome[count];
        for (int i = 0; i < count; i++)
        {
            outcomes[i] = runner.RunOne(request.Seed, first + i);
        }

        metrics.CohortAdmissions.Add(count, new KeyValuePair<string, object?>("protocol", runner.Plan.Protocol.Id));
        DeactivateOnIdle();
        return Task.FromResult(outcomes);
    }
}
