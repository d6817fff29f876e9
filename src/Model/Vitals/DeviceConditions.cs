namespace WardTwin.Model.Vitals;

/// <summary>The equipment's own faults at the bed that technical alarms watch (the probe's comes with each reading as its artefact).</summary>
[Flags]
public enum DeviceConditions
{
    None = 0,
    PumpOccluded = 1,
    BagEmpty = 2,
}
