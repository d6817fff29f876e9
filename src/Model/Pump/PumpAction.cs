namespace WardTwin.Model.Pump;

/// <summary>A hand on the pump's keys (a trainee or a nurse): what was pressed, with its value.</summary>
/// <param name="Value">The rate in mg/h for <see cref="PumpActionKind.SetRate"/>, the volume in mL for
/// <see cref="PumpActionKind.SetVtbi"/> (null clears it); unused otherwise.</param>
public sealed record PumpAction(PumpActionKind Kind, double? Value = null, bool ConfirmSoftLimit = false)
{
    public override string ToString() => Kind switch
    {
        PumpActionKind.SetRate => $"set rate {Value:0.###} mg/h{(ConfirmSoftLimit ? " (confirmed)" : string.Empty)}",
        PumpActionKind.SetVtbi => Value is { } v ? $"set volume to be infused {v:0.#} mL" : "clear volume to be infused",
        PumpActionKind.ReplaceBag => "new bag hung",
        PumpActionKind.Occlude => "line occluded",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

public enum PumpActionKind
{
    SetRate,
    Start,
    Pause,
    Resume,
    Stop,
    ReplaceBag,
    Occlude,
    SetVtbi,
}
