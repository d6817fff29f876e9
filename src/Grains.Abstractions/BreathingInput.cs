namespace WardTwin.Grains;

/// <summary>
/// A live patient's breathing state pushed to its monitor with the truth curve: weight, midazolam and flumazenil doses
/// (ward hours, mg), nasal oxygen, the lagged SpO2 difference from rest at the curve's start, and the resting SpO2 on air of
/// a patient with lungs of their own (null: the parameter file's healthy lungs).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BreathingInput(
    [property: Id(0)] double WeightKg,
    [property: Id(1)] double[] MidazolamTimesH,
    [property: Id(2)] double[] MidazolamMg,
    [property: Id(3)] double[] FlumazenilTimesH,
    [property: Id(4)] double[] FlumazenilMg,
    [property: Id(5)] double OxygenLPerMin,
    [property: Id(6)] double Spo2DeltaAtFromH,
    [property: Id(7)] double? RestingSpo2OnAirPercent = null);
