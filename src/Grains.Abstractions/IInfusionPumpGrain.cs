namespace WardTwin.Grains;

/// <summary>An infusion pump at a bed: programme, limits, bag, delivery; commands from the care plan or a trainee.</summary>
public interface IInfusionPumpGrain : IGrainWithStringKey
{
    Task ProgramAsync(string patientId, PumpSettings settings, double wardTimeH);

    /// <summary>The care plan's command at a ward time (the protocol nurse confirms soft limits it calls for).</summary>
    Task<PumpReply> CommandAsync(double wardTimeH, double rateMgPerH, bool stopInfusion);

    /// <summary>Moves the pump to a ward time; with a ward nurse on hand, a near-empty bag is replaced at once.</summary>
    Task<PumpReply> AdvanceToAsync(double wardTimeH, bool autoNurse);

    /// <summary>A trainee's new rate: refused above the hard limit, held for confirmation above the soft limit.</summary>
    Task<PumpReply> SetRateAsync(double rateMgPerH, bool confirmSoftLimit);

    Task<PumpReply> PauseAsync();

    Task<PumpReply> ResumeAsync();

    Task<PumpReply> StopAsync();

    Task<PumpReply> ReplaceBagAsync();

    Task<PumpReply> OccludeAsync();

    /// <summary>Sets the volume to be infused from now (null clears it); the pump stops when it is reached.</summary>
    Task<PumpReply> SetVtbiAsync(double? vtbiMl);

    Task<PumpView> GetViewAsync();
}
