namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// IHE PCD-04 Report Alert (ORU^R40, HL7 v2.6) as the ACM profile lays it out (TF-2 B.8.5, Appendix E examples):
/// OBR-4 MDC_EVT_ALARM, then one OBX per facet, OBX-4 the source's containment position plus the facet number:
/// 1 event identification, 2 source (the metric's value for a physiological alarm, MDC_ATTR_ALERT_SOURCE for a
/// technical one), 3 event phase, 4 alarm state, 5 inactivation state, 6 priority (PH/PM/PL) and 7 alert type
/// (SP/ST), the last two in their own rows as TF-2 asks of new implementations. Pure and golden-tested.
/// </summary>
public static class Pcd04Builder
{
    public static string Alarm(MessageHeader header, AlarmEvent e, string controlId, DateTimeOffset sentAt)
    {
        var source = AlarmSource.Of(e.Kind);
        var sb = MessageFrame.Open(header, e.Device, "ORU^R40^ORU_R40", MessageFrame.Pcd04Profile, controlId, sentAt, Mdc.EvtAlarm.Cwe);
        var obx = new ObxWriter(sb);
        string t = Hl7Text.Time(e.At);
        string p = source.Position;
        string label = Hl7Text.Escape(e.Label);
        if (source.Metric is { } metric)
        {
            obx.Text("ST", source.Event, $"{p}.1", label, "F", t);
            if (e.Value is { } v)
            {
                obx.NumericFinal(metric, $"{p}.2", Hl7Text.Number(v, source.Decimals), source.Unit!, t);
            }
            else
            {
                obx.Text("CWE", Mdc.AlertSource, $"{p}.2", metric.Cwe, "F", t);
            }
        }
        else
        {
            // Technical: MDC_EVT_ALARM, the specific event in OBX-5 with the label as its original text (CWE-9).
            obx.Text("CWE", source.Event, $"{p}.1", source.SpecificEvent is { } specific ? $"{specific}^^^^^^{label}" : $"^^^^^^^^{label}", "F", t);
            obx.Text("CWE", Mdc.AlertSource, $"{p}.2", source.Node!.Cwe, "F", t);
        }

        obx.Text("ST", Mdc.EventPhase, $"{p}.3", e.Phase, "F");
        obx.Text("ST", Mdc.AlarmState, $"{p}.4", e.State, "F");
        obx.Text("ST", Mdc.InactivationState, $"{p}.5", e.InactivationState, "F");
        obx.Text("ST", Mdc.AlarmPriority, $"{p}.6", e.PriorityCode, "F");
        obx.Text("ST", Mdc.AlertType, $"{p}.7", e.TypeCode, "F");
        return sb.ToString();
    }
}
