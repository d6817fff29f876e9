using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>A ward: beds, admissions, arrivals with a waiting list, and one simulation clock for all of them.</summary>
public interface IWardGrain : IGrainWithStringKey
{
    /// <summary>Starts the ward; refused while it runs (stop it first). A stopped ward can be started again.</summary>
    Task<WardStatus> StartAsync(WardConfig config);

    /// <summary>Discharges every bed and stops the clock; the ward's history of admissions is kept.</summary>
    Task<WardStatus> StopAsync();

    Task PauseAsync();

    Task ResumeAsync();

    /// <summary>Real time is 1, k× accelerated is k, as fast as possible is +∞; ≤ 0 is refused.</summary>
    Task SetTimeScaleAsync(double timeScale);

    /// <summary>Moves the clock to what the time provider says now (the grain timer calls it; tests call it under fake time).</summary>
    Task<WardStatus> TickAsync();

    /// <summary>Admits a new patient to a free bed; an occupied or unknown bed is refused.</summary>
    Task<string> AdmitAsync(int bed);

    Task DischargeAsync(int bed);

    /// <summary>Moves the clock at once to a later ward time (a scenario's start, an instructor's jump), every bed with it.</summary>
    Task<WardStatus> JumpToAsync(double simTimeH);

    /// <summary>Does nothing but wake the ward: a running ward re-arms its clock when it is activated (the ward keeper calls it).</summary>
    [AlwaysInterleave]
    Task<bool> EnsureRunningAsync();

    /// <summary>The ward now; an unknown (never started) ward throws <see cref="KeyNotFoundException"/>.</summary>
    [AlwaysInterleave]
    Task<WardStatus> GetStatusAsync();

    /// <summary>
    /// From the ward's telemetry hub: whether any subscriber wants the ward's details (then it and its patients push
    /// them); <paramref name="newWatcher"/>: one just came, so the ward and every bed push what they show now.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task SetWatchedAsync(bool watched, bool newWatcher = false);

    [AlwaysInterleave]
    Task<IReadOnlyList<OccupancyPoint>> GetOccupancyAsync();

    /// <summary>How long the recent clock moves took (real ms): the ward falls behind real time when they pass the tick period.</summary>
    [AlwaysInterleave]
    Task<double[]> GetTickLagsMsAsync();
}
