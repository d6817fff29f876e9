namespace WardTwin.Model.Physiology;

/// <summary>
/// What the live physiology needs beyond the ketamine curve, from one event of the walk to the next: the patient's
/// weight, midazolam and flumazenil given, nasal oxygen, and the lagged SpO2 (its difference from the patient's own
/// baseline, % points) at the curve's start; and the resting SpO2 on air of a patient with lungs of their own (null: healthy).
/// </summary>
public sealed record BreathingState(double WeightKg, DoseHistory Midazolam, DoseHistory Flumazenil, double OxygenLPerMin, double Spo2DeltaAtFromH,
    double? RestingSpo2OnAirPercent = null)
{
    public static BreathingState Start(double weightKg, double? restingSpo2OnAirPercent = null) =>
        new(weightKg, DoseHistory.None, DoseHistory.None, 0, 0, restingSpo2OnAirPercent);
}
