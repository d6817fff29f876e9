namespace WardTwin.Grains;

/// <summary>Silo settings (section "WardTwin"): where the data lives and how cohorts are split.</summary>
public sealed class WardTwinOptions
{
    public const string Section = "WardTwin";

    /// <summary>The data folder; empty means look for the repository's data/.</summary>
    public string? DataPath { get; set; }

    /// <summary>A parameter file for live wards; empty means data/params/default.json.</summary>
    public string? ParametersPath { get; set; }

    /// <summary>Admissions per cohort shard grain.</summary>
    public int ShardSize { get; set; } = 50;

    /// <summary>Shards a silo runs at once (0: one per core), so a cohort cannot starve a silo's live wards.</summary>
    public int ShardConcurrency { get; set; }

    /// <summary>A pause before each cohort shard or PSA draw runs (ms): a throttle for fault drills, 0 in normal runs.</summary>
    public int ShardPauseMs { get; set; }

    /// <summary>Admissions a planner job keeps in flight or unread (its memory bound; raise it for a cluster of many cores).</summary>
    public int WindowAdmissions { get; set; } = 40_000;

    /// <summary>Shards or draws a job has running at once at the most (raise it for a cluster of more than ~30 cores).</summary>
    public int UnitsInFlight { get; set; } = 64;

    /// <summary>Admissions at most in one chunk a cohort job hands its reader.</summary>
    public int ChunkAdmissions { get; set; } = 4096;

    /// <summary>How long a job's reader waits for the next chunk in one call, in seconds (well under Orleans's response timeout).</summary>
    public double ReadWaitSeconds { get; set; } = 5;

    public TimeSpan ReadWait => TimeSpan.FromSeconds(ReadWaitSeconds);

    /// <summary>How often a shard is run again after its silo was lost.</summary>
    public int ShardRetries { get; set; } = 3;

    /// <summary>How often a running ward moves its clock, in real milliseconds.</summary>
    public int WardTickMs { get; set; } = 1000;

    /// <summary>
    /// Calls a ward has in flight to its patients at the most when it moves its clock or admits: enough to keep every
    /// core busy, few enough that a 10,000-bed tick does not queue every monitor on the silo behind it.
    /// </summary>
    public int WardCallsInFlight { get; set; } = 256;

    /// <summary>How often a running ward stores its sim time between changes, in real seconds.</summary>
    public double WardCheckpointSeconds { get; set; } = 5;

    /// <summary>How often each silo pushes its monitors' readings to the ward telemetry hubs, in real milliseconds.</summary>
    public int TelemetryBatchMs { get; set; } = 15;

    /// <summary>How often the ward keeper on each silo wakes the registered wards, in real milliseconds.</summary>
    public int WardKeeperIntervalMs { get; set; } = 2000;
}
