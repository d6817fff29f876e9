namespace WardTwin.Grains;

/// <summary>A key pressed on a pump, on the wire and in a patient's stored journal.</summary>
/// <param name="Key">The key, as <see cref="Model.Pump.PumpActionKind"/>'s name (stable across versions, unlike its number).</param>
/// <param name="Value">Rate in mg/h, or volume to be infused in mL (null clears it).</param>
[GenerateSerializer, Immutable]
public sealed record PumpKeyPress(
    [property: Id(0)] string Key,
    [property: Id(1)] double? Value = null,
    [property: Id(2)] bool ConfirmSoftLimit = false,
    [property: Id(3)] long? ExpectedRevision = null);
