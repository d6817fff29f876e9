namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// What a monitor's alarm kind is in MDC terms: for a physiological alarm the event (MDC_EVT_HI or _LO) and the
/// metric it watches, at that metric's place in the monitor's containment tree; for a technical one
/// MDC_EVT_ALARM with the specific event (or only its text where no MDC event was checked) and the device node
/// that raised it, and whether it is the pump's.
/// </summary>
public sealed record AlarmSource(MdcCode Event, MdcCode? Metric, MdcUnit? Unit, string Position, string? SpecificEvent, MdcCode? Node, DeviceKind Device, int Decimals = 0)
{
    /// <summary>The source of a kind the monitor names ("spo2_below_90", "pump_occlusion", ...); an unknown kind is reported as a technical MDC_EVT_ALARM of the monitor with its label.</summary>
    public static AlarmSource Of(string kind) => kind switch
    {
        _ when kind.StartsWith("spo2_below", StringComparison.Ordinal) => Physio(Mdc.EvtLow, Mdc.Spo2, Mdc.Percent, "1.2.1"),
        _ when kind.StartsWith("hr_", StringComparison.Ordinal) => Physio(Mdc.EvtHigh, Mdc.HeartRate, Mdc.PerMinBeats, "1.1.1"),
        _ when kind.StartsWith("sbp_over", StringComparison.Ordinal) => Physio(Mdc.EvtHigh, Mdc.NibpSys, Mdc.MmHg, "1.3.1"),
        _ when kind.StartsWith("rr_at_most", StringComparison.Ordinal) => Physio(Mdc.EvtLow, Mdc.RespRate, Mdc.PerMinBreaths, "1.1.1"),
        _ when kind.StartsWith("rr_at_least", StringComparison.Ordinal) => Physio(Mdc.EvtHigh, Mdc.RespRate, Mdc.PerMinBreaths, "1.1.1"),
        "pump_occlusion" => new(Mdc.EvtAlarm, null, null, "1.0.0.0", Mdc.EvtOcclusion.Cwe, Mdc.PumpMds, DeviceKind.Pump),
        "bag_empty" => new(Mdc.EvtAlarm, null, null, "1.0.0.0", Mdc.EvtEmpty.Cwe, Mdc.PumpMds, DeviceKind.Pump),
        "probe_off" => new(Mdc.EvtAlarm, null, null, "1.2.0.0", null, Mdc.Spo2Vmd, DeviceKind.Monitor),
        _ => new(Mdc.EvtAlarm, null, null, "1.0.0.0", null, Mdc.MonitorMds, DeviceKind.Monitor),
    };

    private static AlarmSource Physio(MdcCode evt, MdcCode metric, MdcUnit unit, string channel) =>
        new(evt, metric, unit, $"{channel}.{metric.Code}", null, null, DeviceKind.Monitor);
}
