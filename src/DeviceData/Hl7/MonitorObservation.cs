namespace WardTwin.DeviceData.Hl7;

/// <summary>A bedside monitor's reading as a PCD-01 reports it (mean arterial pressure from SBP and DBP, as an oscillometric cuff shows it).</summary>
public sealed record MonitorObservation(DeviceIdentity Device, DateTimeOffset SampledAt, double HrPerMin, double SbpMmHg, double DbpMmHg, double Spo2Percent, double RrPerMin, bool ProbeOff)
{
    public double MeanMmHg => (SbpMmHg + (2 * DbpMmHg)) / 3;
}
