namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// IHE PCD-01 Communicate PCD Data (ORU^R01, HL7 v2.6) for a bedside monitor or an infusion pump, laid out as
/// the IHE PCD TF-2 Appendix E examples: one OBX per node of the MDC containment tree (MDS, VMD, channel; OBX-11
/// X, OBX-4 the dotted MDS.VMD.CHAN.METRIC position), then each metric as NM with its MDC code and its unit as
/// MDC and UCUM. Pure: the same observation and control id always give the same bytes (golden-tested).
/// </summary>
public static class Pcd01Builder
{
    /// <summary>OBR-4 of a periodic report: SNOMED CT 182777000 "monitoring of patient", as IHE's ACME example.</summary>
    private const string Monitoring = "182777000^monitoring of patient^SCT";

    public static string Monitor(MessageHeader header, MonitorObservation o, string controlId, DateTimeOffset sentAt)
    {
        var (sb, obx) = Open(header, o.Device, Mdc.MonitorMds, controlId, sentAt);
        string t = Hl7Text.Time(o.SampledAt);
        obx.Header(Mdc.EcgVmd, "1.1.0.0");
        obx.Header(Mdc.EcgChan, "1.1.1.0");
        obx.Numeric(Mdc.HeartRate, "1.1.1.1", Hl7Text.Number(o.HrPerMin, 0), Mdc.PerMinBeats, t);
        obx.Numeric(Mdc.RespRate, "1.1.1.2", Hl7Text.Number(o.RrPerMin, 0), Mdc.PerMinBreaths, t);
        obx.Header(Mdc.Spo2Vmd, "1.2.0.0");
        obx.Header(Mdc.Spo2Chan, "1.2.1.0");
        if (!o.ProbeOff)
        {
            obx.Numeric(Mdc.Spo2, "1.2.1.1", Hl7Text.Number(o.Spo2Percent, 0), Mdc.Percent, t);
        }

        obx.Header(Mdc.NibpVmd, "1.3.0.0");
        obx.Header(Mdc.NibpChan, "1.3.1.0");
        obx.Numeric(Mdc.NibpSys, "1.3.1.1", Hl7Text.Number(o.SbpMmHg, 0), Mdc.MmHg, t);
        obx.Numeric(Mdc.NibpDia, "1.3.1.2", Hl7Text.Number(o.DbpMmHg, 0), Mdc.MmHg, t);
        obx.Numeric(Mdc.NibpMean, "1.3.1.3", Hl7Text.Number(o.MeanMmHg, 0), Mdc.MmHg, t);
        return sb.ToString();
    }

    public static string Pump(MessageHeader header, PumpObservation o, string controlId, DateTimeOffset sentAt)
    {
        var (sb, obx) = Open(header, o.Device, Mdc.PumpMds, controlId, sentAt);
        string t = Hl7Text.Time(o.At);
        obx.Header(Mdc.PumpVmd, "1.1.0.0");
        obx.Header(Mdc.PumpChan, "1.1.1.0");
        obx.Numeric(Mdc.PumpRate, "1.1.1.1", Hl7Text.Number(o.RateMlPerH, 1), Mdc.MlPerH, t);
        obx.Numeric(Mdc.DoseRate, "1.1.1.2", Hl7Text.Number(o.DoseRateMgPerH, 2), Mdc.MgPerH, t);
        obx.Numeric(Mdc.VolumeInfused, "1.1.1.3", Hl7Text.Number(o.VolumeInfusedMl, 1), Mdc.Ml, t);
        obx.Numeric(Mdc.VtbiRemaining, "1.1.1.4", Hl7Text.Number(o.RemainingMl, 1), Mdc.Ml, t);
        obx.Text("ST", Mdc.DrugName, "1.1.1.5", Hl7Text.Escape(o.Drug), "R", t);
        obx.Numeric(Mdc.DrugConcentration, "1.1.1.6", Hl7Text.Number(o.ConcentrationMgPerMl, 2), Mdc.MgPerMl, t);
        return sb.ToString();
    }

    /// <summary>The message up to the device's MDS row (OBX-18 its EUI-64); the device's own tree follows.</summary>
    private static (System.Text.StringBuilder Message, ObxWriter Obx) Open(MessageHeader header, DeviceIdentity device, MdcCode mds, string controlId, DateTimeOffset sentAt)
    {
        var sb = MessageFrame.Open(header, device, "ORU^R01^ORU_R01", MessageFrame.Pcd01Profile, controlId, sentAt, Monitoring);
        var obx = new ObxWriter(sb);
        obx.Header(mds, "1.0.0.0", $"{device.Eui64}^^{device.Eui64}^EUI-64");
        return (sb, obx);
    }
}
