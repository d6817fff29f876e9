namespace WardTwin.Model.Training;

/// <summary>
/// A bed's patient: drawn from the protocol's cohort at (seed, index), as in a cohort run, with optional overrides, and the
/// handover the trainee's page shows on the bed (what a nurse would be told of this patient at the start of the shift).
/// </summary>
public sealed record ScenarioPatient(int Bed, long Seed, int Index, PatientOverrides? Overrides = null, string? Handover = null);

/// <summary>Values that replace the drawn ones (the rest of the patient is as drawn).</summary>
/// <param name="SideEffectThresholdsNgPerMl">By side-effect name (dizziness, drowsiness, ...), the fast effect-site concentration at which it becomes mild.</param>
/// <param name="RestingSpo2Percent">SpO2 on air at rest of a patient whose lungs are not a healthy adult's (COPD, obesity): the
/// monitor's baseline, and on a live ward the A-a gradient that gives it, so the same fall in ventilation costs more saturation.</param>
public sealed record PatientOverrides(
    double? WeightKg = null,
    double? BaselineNrs = null,
    bool? AnalgesicResponder = null,
    IReadOnlyDictionary<string, double>? SideEffectThresholdsNgPerMl = null,
    double? RestingSpo2Percent = null);

/// <summary>Applies a scenario's overrides to a drawn patient.</summary>
public static class PatientOverridesExtensions
{
    public static Simulation.VirtualPatient Apply(this PatientOverrides? o, Simulation.VirtualPatient p)
    {
        if (o is null)
        {
            return p;
        }

        var thresholds = (double[])p.SideEffectThresholdsNgPerMl.Clone();
        foreach (var (name, value) in o.SideEffectThresholdsNgPerMl ?? new Dictionary<string, double>())
        {
            thresholds[(int)(Parameters.SideEffectKinds.TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown side effect '{name}'"))] = value;
        }

        return p with
        {
            WeightKg = o.WeightKg ?? p.WeightKg,
            BaselineNrs = o.BaselineNrs ?? p.BaselineNrs,
            AnalgesicResponder = o.AnalgesicResponder ?? p.AnalgesicResponder,
            SideEffectThresholdsNgPerMl = thresholds,
            Vitals = o.RestingSpo2Percent is { } spo2 ? p.Vitals with { Spo2Percent = spo2 } : p.Vitals,
            RestingSpo2OnAirPercent = o.RestingSpo2Percent ?? p.RestingSpo2OnAirPercent,
        };
    }
}
