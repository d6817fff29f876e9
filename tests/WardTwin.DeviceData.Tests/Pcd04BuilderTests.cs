using WardTwin.DeviceData.Hl7;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// PCD-04 (ORU^R40) as TF-2's ACM examples lay it out: OBR-4 MDC_EVT_ALARM, then one OBX per facet under the
/// source's position (.1 event, .2 source, .3 phase, .4 state, .5 inactivation state, .6 priority, .7 type); and the
/// tracker that turns a monitor's boards into start, continue and end.
/// </summary>
public sealed class Pcd04BuilderTests
{
    private static readonly AlarmView SpO2Low = new("spo2_below_90", "high", 1.5, Acknowledged: false, Escalated: false, Active: true, "SpO2 < 90 %", "physiological");

    private static Dictionary<string, string[]> Facets(string message) =>
        Golden.Segments(message).Where(s => s[0] == "OBX").ToDictionary(s => s[4].Split('.')[^1], s => s);

    [Fact]
    public void A_physiological_alarm_start_has_its_event_value_phase_state_priority_and_type_in_their_own_rows()
    {
        var tracker = new AlarmTracker();
        var events = tracker.Apply([SpO2Low], k => Golden.Monitor with { Kind = k }, c => c == Mdc.Spo2 ? 87.6 : null, Golden.At);
        var e = Assert.Single(events);
        string message = Pcd04Builder.Alarm(MessageHeader.Default, e, "A1", Golden.At);
        var segments = Golden.Segments(message);
        Assert.Equal("ORU^R40^ORU_R40", segments[0][8]);
        Assert.Equal("IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.4.1^ISO", segments[0][20]);
        Assert.Equal("196616^MDC_EVT_ALARM^MDC", segments.Single(s => s[0] == "OBR")[4]);
        var f = Facets(message);
        Assert.Equal(("196670^MDC_EVT_LO^MDC", "1.2.1.150456.1", "SpO2 < 90 %"), (f["1"][3], f["1"][4], f["1"][5]));
        Assert.Equal(("NM", "150456^MDC_PULS_OXIM_SAT_O2^MDC", "88"), (f["2"][2], f["2"][3], f["2"][5]));
        Assert.Equal(("68481^MDC_ATTR_EVENT_PHASE^MDC", "start"), (f["3"][3], f["3"][5]));
        Assert.Equal(("68482^MDC_ATTR_ALARM_STATE^MDC", "active"), (f["4"][3], f["4"][5]));
        Assert.Equal(("68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC", "enabled"), (f["5"][3], f["5"][5]));
        Assert.Equal(("68484^MDC_ATTR_ALARM_PRIORITY^MDC", "PH"), (f["6"][3], f["6"][5]));
        Assert.Equal(("68485^MDC_ATTR_ALERT_TYPE^MDC", "SP"), (f["7"][3], f["7"][5]));
    }

    [Fact]
    public void An_alarm_that_ends_or_leaves_the_board_gives_an_end_and_one_still_active_a_continue()
    {
        var tracker = new AlarmTracker();
        DeviceIdentity Device(DeviceKind k) => Golden.Monitor with { Kind = k };
        tracker.Apply([SpO2Low], Device, _ => 88, Golden.At);
        Assert.Equal("continue", Assert.Single(tracker.Continuing(Device, _ => 88, Golden.At)).Phase);
        var ended = Assert.Single(tracker.Apply([SpO2Low with { Active = false }], Device, _ => 93, Golden.At));
        Assert.Equal(("end", "latched"), (ended.Phase, ended.State));
        Assert.Empty(tracker.Continuing(Device, _ => 93, Golden.At));

        tracker.Apply([SpO2Low with { Priority = "medium" }], Device, _ => 88, Golden.At);
        Assert.Equal("escalate", Assert.Single(tracker.Apply([SpO2Low], Device, _ => 86, Golden.At)).Phase);
        Assert.Equal(("end", "inactive"), Assert.Single(tracker.Apply([], Device, _ => 95, Golden.At)) is var gone ? (gone.Phase, gone.State) : default);
    }

    [Fact]
    public void A_pump_occlusion_is_a_technical_alarm_of_the_pump_with_its_MDC_event()
    {
        var occlusion = new AlarmView("pump_occlusion", "high", 2, false, false, true, "Pump: line occluded", "technical");
        var e = Assert.Single(new AlarmTracker().Apply([occlusion], k => Golden.Monitor with { Kind = k }, _ => null, Golden.At));
        Assert.Equal(DeviceKind.Pump, e.Device.Kind);
        var f = Facets(Pcd04Builder.Alarm(MessageHeader.Default, e, "A2", Golden.At));
        Assert.Equal("196616^MDC_EVT_ALARM^MDC", f["1"][3]);
        Assert.StartsWith("196940^MDC_EVT_FLUID_LINE_OCCL^MDC", f["1"][5], StringComparison.Ordinal);
        Assert.Equal("69985^MDC_DEV_PUMP_INFUS_MDS^MDC", f["2"][5]);
        Assert.Equal("ST", f["7"][5]);
    }
}
