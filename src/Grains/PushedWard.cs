namespace WardTwin.Grains;

/// <summary>What a trainee's ward last pushed to its training session: the ward's status and each bedside's state.</summary>
internal sealed class PushedWard
{
    private readonly Dictionary<string, PatientStateNow> _states = new(StringComparer.Ordinal);

    public WardStatus? Status { get; private set; }

    public void Take(TelemetryBatch batch)
    {
        Status = batch.Ward ?? Status;
        foreach (var b in batch.Beds ?? [])
        {
            _states[b.AdmissionId] = b.State;
        }
    }

    public PatientStateNow? StateOf(string admissionId) => _states.GetValueOrDefault(admissionId);
}
