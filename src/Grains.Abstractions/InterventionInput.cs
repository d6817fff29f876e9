namespace WardTwin.Grains;

/// <summary>
/// A drug by hand or oxygen, as journalled: kind (midazolam, flumazenil, ondansetron, oxygen) and amount in the kind's
/// unit (mg; L/min for oxygen, 0 = off).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InterventionInput(
    [property: Id(0)] string Kind,
    [property: Id(1)] double Amount);
