using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

/// <summary>The live bedside monitor's rules: RR limits from the parameter file, and technical alarms kept apart from physiological ones (IEC 60601-1-8).</summary>
public sealed class BedsideAlarmTests
{
    private const double SecondH = 1 / 3600.0;
    private static readonly ModelParameters P = TestData.Parameters;

    private static AlarmBoard Board() => new(P.BedsideAlarms, P.Simulation.AlarmEscalateAfterS / 3600);

    [Fact]
    public void The_monitor_rules_name_their_sources_and_cohorts_keep_the_cards_four()
    {
        Assert.Equal(4, P.Alarms.Count);
        Assert.All(P.MonitorAlarms, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        var rrLow = P.MonitorAlarms.Single(r => r.Kind == AlarmKind.RrAtMost);
        Assert.Equal(("RR ≤ 8 /min", AlarmPriority.High, true), (AlarmEvaluator.Label(rrLow), rrLow.Priority, rrLow.Latching));
        Assert.Contains("NEWS2", rrLow.Source, StringComparison.Ordinal);
        Assert.Equal(3, P.MonitorAlarms.Count(r => r.Category == AlarmCategory.Technical));
    }

    [Fact]
    public void Midazolam_on_top_of_slowed_breathing_raises_the_RR_low_alarm_after_its_delay()
    {
        var walk = new Admission(new ProtocolPlan(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet),
            TestData.Patient(), livePhysiology: true);
        walk.AdvanceTo(1.0);
        walk.Inject(new Injection(InjectionKind.VitalsChange, DurationH: 2, RrChangePerMin: -3));
        var board = Board();
        var raised = new List<ActiveAlarm>();
        for (int s = 0; s <= 30 * 60; s += 5)
        {
            double t = 1.0 + (s * SecondH);
            walk.AdvanceTo(t);
            if (s is 0 or 300)
            {
                walk.GiveMidazolam(4);
            }

            raised.AddRange(board.Record(t, walk.ExpectedVitals(), walk.Patient.Vitals.HrPerMin));
        }

        var rr = Assert.Single(raised, a => a.Kind == "rr_at_most_8");
        Assert.Equal(AlarmPriority.High, rr.Priority);
        Assert.True(rr.RaisedAtH > 1.0 + (5 * 60 * SecondH), $"raised at {(rr.RaisedAtH - 1) * 60:0.0} min"); // after the second dose
    }

    [Fact]
    public void A_probe_off_is_a_low_priority_technical_alarm_and_never_a_desaturation_alarm()
    {
        var board = Board();
        var probeOff = new VitalSigns(80, 125, 78, 82, 14, VitalsArtefact.ProbeOff);
        var raised = new List<ActiveAlarm>();
        for (int s = 0; s <= 60; s++)
        {
            raised.AddRange(board.Record(1.0 + (s * SecondH), probeOff, 75));
        }

        var alarm = Assert.Single(raised);
        Assert.Equal(("probe_off", AlarmPriority.Low), (alarm.Kind, alarm.Priority));
        Assert.Equal(AlarmCategory.Technical, board.RuleOf(alarm.Kind)!.Category);
        Assert.Equal("SpO2 probe off", AlarmEvaluator.Label(board.RuleOf(alarm.Kind)!));

        // Non-latching: the probe back on, the alarm goes even unacknowledged.
        board.Record(1.0 + (61 * SecondH), probeOff with { Spo2Percent = 97, Artefact = VitalsArtefact.None }, 75);
        Assert.Empty(board.Alarms);
    }

    [Fact]
    public void An_occluded_line_and_an_empty_bag_raise_the_pumps_technical_alarms_which_latch()
    {
        var walk = new Admission(new ProtocolPlan(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet),
            TestData.Patient(), wardNurseHangsBags: false, livePhysiology: true);
        walk.AdvanceTo(1.0);
        walk.Inject(new Injection(InjectionKind.Occlusion));
        Assert.Equal(DeviceConditions.PumpOccluded, walk.Devices);
        var board = Board();
        var normal = new VitalSigns(75, 125, 78, 98, 14);
        var occlusion = Assert.Single(board.Record(1.0, normal, 75, walk.Devices));
        Assert.Equal(("pump_occlusion", AlarmPriority.High, AlarmCategory.Technical), (occlusion.Kind, occlusion.Priority, board.RuleOf(occlusion.Kind)!.Category));

        walk.Operate(new PumpAction(PumpActionKind.Resume));
        Assert.Equal(DeviceConditions.None, walk.Devices);
        board.Record(1.0 + SecondH, normal, 75, walk.Devices);
        Assert.Contains(board.Alarms, a => a.Kind == "pump_occlusion" && !a.Active); // latched until acknowledged
        Assert.True(board.Acknowledge("pump_occlusion"));
        Assert.Empty(board.Alarms);

        walk.Inject(new Injection(InjectionKind.BagEmpty));
        Assert.Equal("bag_empty", Assert.Single(board.Record(1.0 + (2 * SecondH), normal, 75, walk.Devices)).Kind);
    }

    [Fact]
    public void A_technical_condition_filed_as_physiological_is_refused_naming_the_field()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Catalog.Root, "params", "default.json")))!.AsObject();
        root["monitor_alarms"]![2]!["category"] = "physiological";
        var ex = Assert.Throws<Data.DataFileException>(() => ParameterFile.Parse(root.ToJsonString(), "p.json"));
        Assert.Equal(("monitor_alarms[2].category", true), (ex.Field, ex.Reason.Contains("technical", StringComparison.Ordinal)));
    }
}
