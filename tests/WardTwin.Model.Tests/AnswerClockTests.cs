using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>Answer windows in simulated time or in seconds the trainee lived through, from the record's clock changes.</summary>
public sealed class AnswerClockTests
{
    [Fact]
    public void A_real_minute_at_speed_12_is_12_simulated_minutes_a_simulated_one_is_one()
    {
        var real = new AnswerClock(AnswerWindows.Real, 12, []);
        var simulated = new AnswerClock(AnswerWindows.Simulated, 12, []);
        Assert.Equal(1 + (12 / 60.0), real.DeadlineH(1, 60 / 3600.0), 9);
        Assert.Equal(1 + (1 / 60.0), simulated.DeadlineH(1, 60 / 3600.0), 9);
    }

    [Fact]
    public void A_new_speed_a_pause_and_a_jump_move_a_real_deadline_as_the_trainee_lived_them()
    {
        // From 1 h at real time; at 1.5 min of it the instructor pauses, resumes at speed 10, then jumps 2 h ahead at 2 min in.
        ClockChanged[] changes =
        [
            new(1 + (1.5 / 60), Running: false, TimeScale: 1),
            new(1 + (1.5 / 60), Running: true, TimeScale: 10),
            new(3 + (1.5 / 60), Running: true, TimeScale: 10, JumpedFromH: 1 + (6.5 / 60)),
        ];
        var clock = new AnswerClock(AnswerWindows.Real, 1, changes);

        // 3 real minutes: 1.5 at speed 1 (1.5 sim min), 0.5 at speed 10 (5 sim min), the jump (none), 1 more at speed 10 (10 sim min).
        Assert.Equal(3 + (1.5 / 60) + (10 / 60.0), clock.DeadlineH(1, 3 / 60.0), 9);
        Assert.Equal(1 + (1 / 60.0), clock.DeadlineH(1, 1 / 60.0), 9);
    }

    [Fact]
    public void The_scenario_chooses_real_windows_and_the_scorer_counts_them()
    {
        var erasmus = TestData.Catalog.LoadScenario("erasmus-day1-hallucinations");
        var real = erasmus with { AnswerWindows = AnswerWindows.Real, Ward = erasmus.Ward with { TimeScale = 12 } };
        List<TrainingEntry> record =
        [
            new AlarmRaised(1, 3.0, "hr_over_100", AlarmPriority.Medium),
            new TraineeAction(1, 3.0 + (10 / 60.0), "ann", 0, TraineeActionKind.AcknowledgeAlarm, null, true, "ok", "hr_over_100"),
        ];

        // Acknowledged 10 simulated minutes later: 50 real seconds at speed 12, inside 60 s; far outside 60 simulated seconds.
        Assert.Equal(1, TrainingScorer.Score(real, record, nowH: 4).Lines.Single(l => l.Id == "ack-alarms").Met);
        Assert.Equal(1, TrainingScorer.Score(erasmus with { Ward = erasmus.Ward with { TimeScale = 12 } }, record, nowH: 4).Lines.Single(l => l.Id == "ack-alarms").Missed);
    }
}
