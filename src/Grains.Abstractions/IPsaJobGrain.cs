using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>A PSA as a job: each draw is a grain call on some silo of the cluster; read back in draw order like a cohort job.</summary>
public interface IPsaJobGrain : IGrainWithStringKey
{
    Task StartAsync(PsaJobRequest request);

    /// <summary>Draws from <paramref name="fromDraw"/> (0-based) on that are ready, waiting a few seconds for the first.</summary>
    Task<PsaChunk> ReadAsync(int fromDraw);

    [AlwaysInterleave]
    Task<JobProgress> GetProgressAsync();

    Task CancelAsync();

    [AlwaysInterleave]
    Task<PsaJobRequest> GetRequestAsync();
}

/// <summary>Runs one draw of a PSA job (every protocol on the same patients under that draw's parameters and prices).</summary>
public interface IPsaDrawGrain : IGrainWithStringKey
{
    Task<PsaDrawRows> RunAsync(CohortRequestRef job, int draw);
}
