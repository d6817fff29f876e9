namespace WardTwin.Grains;

/// <summary>Runs one block of a cohort job (patients First..First+Count-1), each exactly as the reference engine would.</summary>
public interface ICohortShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The request travels by reference (its cohort grain and content hash): a silo fetches the files once per
    /// cohort, not once per shard, which cost the calling silo tens of kilobytes of serialization per shard.
    /// </summary>
    Task<CohortBlock> RunAsync(CohortRequestRef request, int first, int count);
}
