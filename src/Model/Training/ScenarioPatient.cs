namespace WardTwin.Model.Training;

/// <summary>A bed's patient: drawn from the protocol's cohort at (seed, index), as in a cohort run, with optional overrides.</summary>
public sealed record ScenarioPatient(int Bed, long Seed, int Index, PatientOverrides? Overrides = null);

/// <summary>Values that replace the drawn ones (the rest of the patient is as drawn).</summary>
/// <param name="SideEffectThresholdsNgPerMl">By side-effect name (dizziness, drowsiness, ...), the fast effect-site concentration at which it becomes mild.</param>
public sealed record PatientOverrides(
    double? WeightKg = null,
    double? BaselineNrs = null,
    bool? AnalgesicResponder = null,
    IReadOnlyDictionary<string, double>? SideEffectThresholdsNgPerMl = null);

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
        };
    }
}
