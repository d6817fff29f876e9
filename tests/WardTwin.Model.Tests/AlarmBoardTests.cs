using WardTwin.Model.Parameters;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Tests;

public sealed class AlarmBoardTests
{
    private const double EscalateAfterH = 60.0 / 3600;
    private static readonly VitalSigns Normal = new(80, 130, 80, 97, 14);
    private static readonly VitalSigns Desaturated = new(80, 130, 80, 90, 14);

    // The rules' own alarm-condition delays are tested apart; these tests follow one reading at a time.
    private static AlarmBoard Board() => new(TestData.Parameters.Alarms.Select(r => r with { ConditionDelayS = 0 }).ToArray(), EscalateAfterH);

    [Fact]
    public void An_alarm_waits_out_its_condition_delay_and_a_condition_shorter_than_it_never_alarms()
    {
        var board = new AlarmBoard(TestData.Parameters.Alarms, EscalateAfterH);
        double s = 1 / 3600.0;
        Assert.Equal(10, TestData.Parameters.Alarms.Single(r => r.Kind == AlarmKind.Spo2Below).ConditionDelayS);

        // Eight seconds of desaturation, then a normal reading: the condition never lasted 10 s.
        for (int i = 0; i <= 8; i++)
        {
            Assert.Empty(board.Record(1.0 + (i * s), Desaturated, 75));
        }

        board.Record(1.0 + (9 * s), Normal, 75);
        Assert.Empty(board.Alarms);

        // Desaturated again from 20 s: raised at the reading 10 s later, not before.
        for (int i = 20; i < 30; i++)
        {
            Assert.Empty(board.Record(1.0 + (i * s), Desaturated, 75));
        }

        var raised = Assert.Single(board.Record(1.0 + (30 * s), Desaturated, 75));
        Assert.Equal(1.0 + (30 * s), raised.RaisedAtH, 9);
    }

    [Fact]
    public void A_condition_raises_its_alarm_once_with_the_IEC_priority_of_its_rule()
    {
        var board = Board();
        var raised = board.Record(1.0, Desaturated, 75);
        Assert.Equal("spo2_below_92", Assert.Single(raised).Kind);
        Assert.Equal(AlarmPriority.High, raised[0].Priority);
        Assert.Empty(board.Record(1.0 + (10 / 3600.0), Desaturated, 75));
    }

    [Fact]
    public void An_unacknowledged_alarm_escalates_one_priority_after_the_escalation_time()
    {
        var board = Board();
        board.Record(1.0, new VitalSigns(105, 130, 80, 97, 14), 100); // hr_over_100, medium
        board.Record(1.0 + (30 / 3600.0), new VitalSigns(106, 130, 80, 97, 14), 100);
        var alarm = board.Alarms.Single(a => a.Kind == "hr_over_100");
        Assert.Equal(AlarmPriority.Medium, alarm.Priority);
        Assert.False(alarm.Escalated);
        board.Record(1.0 + (61 / 3600.0), new VitalSigns(106, 130, 80, 97, 14), 100);
        Assert.True(alarm.Escalated);
        Assert.Equal(AlarmPriority.High, alarm.Priority);
    }

    [Fact]
    public void An_acknowledged_alarm_does_not_escalate_and_clears_when_its_condition_ends()
    {
        var board = Board();
        board.Record(1.0, Desaturated, 75);
        Assert.True(board.Acknowledge("spo2_below_92"));
        board.Record(1.0 + (120 / 3600.0), Desaturated, 75);
        var alarm = board.Alarms.Single();
        Assert.False(alarm.Escalated);
        board.Record(1.1, Normal, 75);
        Assert.Empty(board.Alarms);
        Assert.False(board.Acknowledge("spo2_below_92"));
    }

    [Fact]
    public void An_alarm_whose_condition_ends_unacknowledged_stays_until_acknowledged()
    {
        var board = Board();
        board.Record(1.0, Desaturated, 75);
        board.Record(1.01, Normal, 75);
        var alarm = board.Alarms.Single();
        Assert.False(alarm.Active);
        Assert.True(board.Acknowledge(alarm.Kind));
        Assert.Empty(board.Alarms);
        Assert.Single(board.Record(1.02, Desaturated, 75));
    }
}
