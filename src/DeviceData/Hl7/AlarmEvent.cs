namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// One alarm at one moment as PCD-04 reports it: which alarm (the monitor's kind and label), its IEC 60601-1-8
/// priority (low, medium, high) and category, the phase of this report (start, continue, escalate, end), whether
/// the condition is active (or latched after it ended, until acknowledged), whether a nurse acknowledged it,
/// and the value of its source metric when it is a physiological alarm.
/// </summary>
public sealed record AlarmEvent(DeviceIdentity Device, string Kind, string Label, string Priority, bool Technical, string Phase, string State, bool Acknowledged, DateTimeOffset At, double? Value)
{
    /// <summary>IEC 60601-1-8 priority as ACM's MDC_ATTR_ALARM_PRIORITY: PH, PM, PL (PN when not indicated).</summary>
    public string PriorityCode => Priority switch
    {
        "high" => "PH",
        "medium" => "PM",
        "low" => "PL",
        _ => "PN",
    };

    /// <summary>MDC_ATTR_ALERT_TYPE: SP physiological, ST technical.</summary>
    public string TypeCode => Technical ? "ST" : "SP";

    /// <summary>MDC_ATTR_ALARM_INACTIVATION_STATE: "alert-acknowledged" once a nurse acknowledged it (ACM CP 126), else "enabled".</summary>
    public string InactivationState => Acknowledged ? "alert-acknowledged" : "enabled";
}
