using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>
/// A planner's cohort as a job: started once, its admissions run by shard grains over every silo, read back in
/// patient order a chunk at a time. No call waits on the whole run, the job holds only the chunks not yet read
/// (so memory does not grow with the cohort), and its request is stored, so a reader that lost the job's silo
/// reads on from where it was and the job runs on elsewhere.
/// </summary>
public interface ICohortJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job; starting it again with the same request does nothing, with another is refused.</summary>
    Task StartAsync(CohortRequest request);

    /// <summary>
    /// The admissions from patient <paramref name="fromPatient"/> on that are ready, waiting a few seconds for the
    /// first; everything before it counts as read and is let go. An empty chunk means none was ready yet.
    /// </summary>
    Task<CohortChunk> ReadAsync(int fromPatient);

    [AlwaysInterleave]
    Task<JobProgress> GetProgressAsync();

    /// <summary>Stops starting shards; what runs finishes and is dropped.</summary>
    Task CancelAsync();

    /// <summary>The request this job runs (its shards on other silos fetch it once per silo).</summary>
    [AlwaysInterleave]
    Task<CohortRequest> GetRequestAsync();
}
