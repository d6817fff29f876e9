namespace WardTwin.Model.Vitals;

/// <summary>One set of vital signs; Artefact names a probe-off or motion artefact in a sampled reading.</summary>
public readonly record struct VitalSigns(double HrPerMin, double SbpMmHg, double DbpMmHg, double Spo2Percent, double RrPerMin, VitalsArtefact Artefact = VitalsArtefact.None);

public enum VitalsArtefact
{
    None,
    ProbeOff,
    Motion,
}
