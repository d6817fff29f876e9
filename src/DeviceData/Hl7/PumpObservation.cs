namespace WardTwin.DeviceData.Hl7;

/// <summary>An infusion pump's screen as a PCD-01 reports it: rate in mL/h (from mg/h and the bag's concentration), dose rate, volume infused, VTBI remaining, the drug.</summary>
public sealed record PumpObservation(DeviceIdentity Device, DateTimeOffset At, string State, double DoseRateMgPerH, double ConcentrationMgPerMl, double DeliveredMg, double? VtbiRemainingMl, double BagRemainingMl, string Drug)
{
    public double RateMlPerH => ConcentrationMgPerMl > 0 ? DoseRateMgPerH / ConcentrationMgPerMl : 0;

    public double VolumeInfusedMl => ConcentrationMgPerMl > 0 ? DeliveredMg / ConcentrationMgPerMl : 0;

    /// <summary>What is left to infuse: the programmed VTBI when one is set, else the bag.</summary>
    public double RemainingMl => VtbiRemainingMl ?? BagRemainingMl;
}
