using WardTwin.Model.Randomness;

namespace WardTwin.Model.Vitals;

/// <summary>The stored form of a <see cref="VitalsSampler"/>: its noise stream, drifts and any artefact in progress.</summary>
public sealed record VitalsSamplerPosition(
    SeededRandomPosition Random, double HrDrift, double BpDrift, double Spo2Drift, double LastTimeH, double ArtefactUntilH, VitalsArtefact Artefact);
