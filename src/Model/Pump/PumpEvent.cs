namespace WardTwin.Model.Pump;

/// <summary>One line of the pump's log: what happened (typed) and the detail a person reads.</summary>
public sealed record PumpEvent(double TimeH, PumpEventKind Kind, string Detail)
{
    /// <summary>The log's word for the kind, as a pump's screen shows it.</summary>
    public string KindName => Kind switch
    {
        PumpEventKind.NearEmpty => "near-empty",
        PumpEventKind.VolumeToBeInfused => "vtbi",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

public enum PumpEventKind
{
    Rate,
    Start,
    Pause,
    Resume,
    Stop,
    Occlusion,
    Bag,
    VolumeToBeInfused,
    NearEmpty,
    Empty,
    Refused,
}
