namespace WardTwin.Grains;

/// <summary>
/// The infusion pump at a bed, as a trainee's hands reach it: rate (hard limit refused, soft limit held for
/// confirmation), start, pause, resume, stop, bag, occlusion, volume to be infused. The pump itself lives in
/// its patient's walk (the same pump model the cohort engine runs); this grain is its keypad and screen.
/// </summary>
public interface IInfusionPumpGrain : IGrainWithStringKey
{
    /// <param name="expectedRevision">The pump's revision the user saw (from a view or a reply): if the pump changed since (another
    /// user, the protocol, the pump itself), the rate is refused rather than confirmed on stale information.</param>
    Task<PumpReply> SetRateAsync(double rateMgPerH, bool confirmSoftLimit, long? expectedRevision = null);

    Task<PumpReply> StartAsync();

    Task<PumpReply> PauseAsync();

    Task<PumpReply> ResumeAsync();

    Task<PumpReply> StopAsync();

    Task<PumpReply> ReplaceBagAsync();

    Task<PumpReply> OccludeAsync();

    /// <summary>Sets the volume to be infused from now (null clears it); the pump stops when it is reached.</summary>
    Task<PumpReply> SetVtbiAsync(double? vtbiMl);

    Task<PumpView> GetViewAsync();
}
