using WardTwin.Model.Pump;

namespace WardTwin.Grains;

/// <summary>
/// The pump's keypad and screen. The pump model runs inside its patient's walk, so the care plan, the
/// pump's own events and a trainee's keys act on one pump at one time, and the same code runs in cohorts;
/// this grain holds no state of its own (its key is the patient's), so it can be collected and moved at will.
/// </summary>
public sealed class InfusionPumpGrain : Grain, IInfusionPumpGrain
{
    private IPatientGrain Patient => GrainFactory.GetGrain<IPatientGrain>(this.GetPrimaryKeyString());

    public Task<PumpReply> SetRateAsync(double rateMgPerH, bool confirmSoftLimit, long? expectedRevision = null) =>
        Forget(Patient.OperatePumpAsync(new PumpKeyPress(nameof(PumpActionKind.SetRate), rateMgPerH, confirmSoftLimit, expectedRevision)));

    public Task<PumpReply> StartAsync() => Press(PumpActionKind.Start);

    public Task<PumpReply> PauseAsync() => Press(PumpActionKind.Pause);

    public Task<PumpReply> ResumeAsync() => Press(PumpActionKind.Resume);

    public Task<PumpReply> StopAsync() => Press(PumpActionKind.Stop);

    public Task<PumpReply> ReplaceBagAsync() => Press(PumpActionKind.ReplaceBag);

    public Task<PumpReply> OccludeAsync() => Press(PumpActionKind.Occlude);

    public Task<PumpReply> SetVtbiAsync(double? vtbiMl) => Press(PumpActionKind.SetVtbi, vtbiMl);

    public Task<PumpView> GetViewAsync() => Forget(Patient.GetPumpViewAsync());

    private Task<PumpReply> Press(PumpActionKind key, double? value = null, bool confirm = false) =>
        Forget(Patient.OperatePumpAsync(new PumpKeyPress(key.ToString(), value, confirm)));

    /// <summary>A pump of no patient answers and leaves no activation behind.</summary>
    private async Task<T> Forget<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (KeyNotFoundException)
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
