using WardTwin.DeviceData.Codes;

namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// The MDC (IEEE 11073-10101) terms and units WardTwin sends, by reference id; their codes and where each was
/// checked are in data/codes/device-codes.json (the docs' code table is that file).
/// </summary>
public static class Mdc
{
    // Containment tree of the bedside monitor (MDS, VMDs, channels).
    public static readonly MdcCode MonitorMds = Code("MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS");
    public static readonly MdcCode EcgVmd = Code("MDC_DEV_ECG_VMD");
    public static readonly MdcCode EcgChan = Code("MDC_DEV_ECG_CHAN");
    public static readonly MdcCode Spo2Vmd = Code("MDC_DEV_ANALY_SAT_O2_VMD");
    public static readonly MdcCode Spo2Chan = Code("MDC_DEV_ANALY_PERF_REL_CHAN");
    public static readonly MdcCode NibpVmd = Code("MDC_DEV_PRESS_BLD_NONINV_VMD");
    public static readonly MdcCode NibpChan = Code("MDC_DEV_PRESS_BLD_NONINV_CHAN");

    // Monitor metrics.
    public static readonly MdcCode HeartRate = Code("MDC_ECG_CARD_BEAT_RATE");
    public static readonly MdcCode RespRate = Code("MDC_RESP_RATE");
    public static readonly MdcCode Spo2 = Code("MDC_PULS_OXIM_SAT_O2");
    public static readonly MdcCode Nibp = Code("MDC_PRESS_BLD_NONINV");
    public static readonly MdcCode NibpSys = Code("MDC_PRESS_BLD_NONINV_SYS");
    public static readonly MdcCode NibpDia = Code("MDC_PRESS_BLD_NONINV_DIA");
    public static readonly MdcCode NibpMean = Code("MDC_PRESS_BLD_NONINV_MEAN");

    // Containment tree of the infusion pump.
    public static readonly MdcCode PumpMds = Code("MDC_DEV_PUMP_INFUS_MDS");
    public static readonly MdcCode PumpVmd = Code("MDC_DEV_PUMP_INFUS_VMD");
    public static readonly MdcCode PumpChan = Code("MDC_DEV_PUMP_INFUS_CHAN_DELIVERY");

    // Pump metrics.
    public static readonly MdcCode PumpRate = Code("MDC_FLOW_FLUID_PUMP");
    public static readonly MdcCode DoseRate = Code("MDC_RATE_DOSE");
    public static readonly MdcCode VolumeInfused = Code("MDC_VOL_FLUID_DELIV_TOTAL");
    public static readonly MdcCode VtbiRemaining = Code("MDC_VOL_FLUID_TBI_REMAIN");
    public static readonly MdcCode DrugName = Code("MDC_DRUG_NAME_LABEL");
    public static readonly MdcCode DrugConcentration = Code("MDC_CONC_DRUG");

    // Units (MDC dimension and UCUM).
    public static readonly MdcUnit PerMinBeats = Unit("MDC_DIM_BEAT_PER_MIN");
    public static readonly MdcUnit PerMinBreaths = Unit("MDC_DIM_RESP_PER_MIN");
    public static readonly MdcUnit Percent = Unit("MDC_DIM_PERCENT");
    public static readonly MdcUnit MmHg = Unit("MDC_DIM_MMHG");
    public static readonly MdcUnit MlPerH = Unit("MDC_DIM_MILLI_L_PER_HR");
    public static readonly MdcUnit MgPerH = Unit("MDC_DIM_MILLI_G_PER_HR");
    public static readonly MdcUnit Ml = Unit("MDC_DIM_MILLI_L");
    public static readonly MdcUnit MgPerMl = Unit("MDC_DIM_MILLI_G_PER_ML");

    // Alerts (PCD-04, ACM facets).
    public static readonly MdcCode EvtAlarm = Code("MDC_EVT_ALARM");
    public static readonly MdcCode EvtHigh = Code("MDC_EVT_HI");
    public static readonly MdcCode EvtLow = Code("MDC_EVT_LO");
    public static readonly MdcCode EvtOcclusion = Code("MDC_EVT_FLUID_LINE_OCCL");
    public static readonly MdcCode EvtEmpty = Code("MDC_EVT_EMPTY");
    public static readonly MdcCode AlertSource = Code("MDC_ATTR_ALERT_SOURCE");
    public static readonly MdcCode EventPhase = Code("MDC_ATTR_EVENT_PHASE");
    public static readonly MdcCode AlarmState = Code("MDC_ATTR_ALARM_STATE");
    public static readonly MdcCode InactivationState = Code("MDC_ATTR_ALARM_INACTIVATION_STATE");
    public static readonly MdcCode AlarmPriority = Code("MDC_ATTR_ALARM_PRIORITY");
    public static readonly MdcCode AlertType = Code("MDC_ATTR_ALERT_TYPE");

    private static MdcCode Code(string refId) => new(DeviceCodeTable.Shipped.MdcCode(refId), refId);

    private static MdcUnit Unit(string refId)
    {
        var (code, ucum) = DeviceCodeTable.Shipped.Unit(refId);
        return new MdcUnit(new MdcCode(code, refId), ucum);
    }
}
