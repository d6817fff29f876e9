using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>A patient: owns the PK/PD state and the protocol's care plan; exposure comes only from its pump.</summary>
public interface IPatientGrain : IGrainWithStringKey
{
    Task AdmitAsync(PatientAdmission admission);

    /// <summary>Handles every event up to this ward time, asking the pump for each rate the protocol calls for.</summary>
    Task<PatientTick> AdvanceToAsync(double wardTimeH);

    Task<PatientSnapshot> GetSnapshotAsync();

    /// <summary>The chart history (at most a few hundred points: older stretches thin out as it grows).</summary>
    Task<IReadOnlyList<PatientHistoryPoint>> GetHistoryAsync();

    Task GiveMidazolamAsync(double doseMg);

    /// <summary>The pump changed delivery by itself or by a trainee's hand (one-way: the pump never waits on the patient).</summary>
    [OneWay]
    Task PumpDeliveryChangedAsync(double wardTimeH, double deliveredMgPerH, double? manualRateMgPerH);
}
