using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>Scoring by intent: only the line's answers answer an occasion, wrong answers cost, and nothing is met before its window closes.</summary>
public sealed class IntentScoringTests
{
    private static readonly Scenario Erasmus = TestData.Catalog.LoadScenario("erasmus-day1-hallucinations");
    private static readonly Scenario Night = TestData.Catalog.LoadScenario("goldberg-5d-night-desaturation");

    private static TraineeAction Act(int bed, double h, TraineeActionKind kind, double? value = null, double rateBefore = 30, string? target = null, bool accepted = true) =>
        new(bed, h, "ann", 0, kind, value, accepted, "ok", target, rateBefore);

    /// <summary>The night: restless at 16.02 h, midazolam due; the desaturation at 16.2 h; an SpO2 alarm with it; bed 2's bag at 16.3 h.</summary>
    private static List<TrainingEntry> Night_situation() =>
    [
        new EventFired(1, 16.02, "restless", ScenarioEventKind.SideEffect, EventCause.Timeline),
        new SideEffectSeen(1, 16.02, "restlessness", SideEffectGrade.Moderate),
        new EventFired(1, 16.2, "desaturation", ScenarioEventKind.VitalsChange, EventCause.Trainee),
        new AlarmRaised(1, 16.21, "spo2_below_92", AlarmPriority.High),
        new PumpAlarmSeen(2, 16.3, PumpAlarmKind.Empty),
    ];

    [Fact]
    public void A_trainee_who_does_nothing_meets_no_line_where_an_action_was_due()
    {
        List<TrainingEntry> erasmus =
        [
            new ReviewDue(1, 2.0, 3, 3, "hold", "held: mild nausea", Nrs: 6, NoticedRelief: false, WorstSinceReview: "nausea", WorstSinceReviewGrade: SideEffectGrade.Mild),
            new SideEffectSeen(1, 3.0, "psychotomimetic", SideEffectGrade.Severe),
            new AlarmRaised(1, 3.2, "hr_over_100", AlarmPriority.Medium),
        ];
        var day = TrainingScorer.Score(Erasmus, erasmus, nowH: 5);
        var night = TrainingScorer.Score(Night, Night_situation(), nowH: 17);

        foreach (var card in new[] { day, night })
        {
            Assert.All(card.Lines.Where(l => l.Weight > 0 && l.Applies), l => Assert.True(l.Met == 0 && l.Missed > 0, $"{l.Id}: {l.Met} met"));
            Assert.Equal(0, card.Score);
        }

        // Four of Erasmus's weighted lines had an occasion; the hold the rule wanted is missed too: nobody decided it.
        Assert.Equal(4, day.Lines.Count(l => l.Missed > 0 && l.Weight > 0));
        Assert.Contains("because nobody decided", day.Lines.Single(l => l.Id == "reviews").Evidence[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledging_an_alarm_does_not_answer_a_desaturation()
    {
        var record = Night_situation();
        record.Add(Act(1, 16.21 + (20 / 3600.0), TraineeActionKind.AcknowledgeAlarm, target: "spo2_below_92"));

        var card = TrainingScorer.Score(Night, record, nowH: 17);

        var ack = card.Lines.Single(l => l.Id == "ack-alarms");
        var desaturation = card.Lines.Single(l => l.Id == "desaturation");
        Assert.Equal((1, 0), (ack.Met, ack.Missed));
        Assert.Equal((0, 1), (desaturation.Met, desaturation.Missed));
        Assert.Contains("does not answer it", desaturation.Evidence[0].What, StringComparison.Ordinal);
        Assert.Contains("give oxygen or stop the infusion", desaturation.Answers, StringComparison.Ordinal);
    }

    [Fact]
    public void Midazolam_into_a_desaturation_is_a_wrong_answer_that_costs_the_lines_penalty_and_answers_nothing()
    {
        var alone = Night_situation();
        alone.Add(Act(1, 16.22, TraineeActionKind.Midazolam, 4));
        var withOxygen = Night_situation();
        withOxygen.Add(Act(1, 16.22, TraineeActionKind.Midazolam, 4));
        withOxygen.Add(Act(1, 16.23, TraineeActionKind.Oxygen, 2));
        var oxygenOnly = Night_situation();
        oxygenOnly.Add(Act(1, 16.23, TraineeActionKind.Oxygen, 2));

        var a = TrainingScorer.Score(Night, alone, nowH: 17).Lines.Single(l => l.Id == "desaturation");
        var b = TrainingScorer.Score(Night, withOxygen, nowH: 17).Lines.Single(l => l.Id == "desaturation");
        var c = TrainingScorer.Score(Night, oxygenOnly, nowH: 17).Lines.Single(l => l.Id == "desaturation");

        Assert.Equal((0, 1, 10.0), (a.Met, a.Missed, a.Penalty));       // the 4 mg dose is no answer: missed and -10
        Assert.Contains("wrong: ann: midazolam 4 (give midazolam)", a.Evidence[0].What, StringComparison.Ordinal);
        Assert.Equal((1, 0, 10.0), (b.Met, b.Missed, b.Penalty));       // oxygen answers; the dose still costs
        Assert.Equal((1, 0, 0.0), (c.Met, c.Missed, c.Penalty));
        Assert.Equal(
            TrainingScorer.Score(Night, oxygenOnly, nowH: 17).Score - 10,
            TrainingScorer.Score(Night, withOxygen, nowH: 17).Score, 9);
    }

    [Fact]
    public void An_occasion_is_scored_when_its_window_closes_not_when_the_answer_comes()
    {
        // After a jump to the review both trainees had set the rule's rate: open until 15 min have passed, then met.
        List<TrainingEntry> record = [new ReviewDue(1, 2.0, 3, 5, "raise", "no relief"), Act(1, 2.01, TraineeActionKind.SetRate, 5, rateBefore: 3)];
        var during = TrainingScorer.Score(Erasmus, record, nowH: 2.1).Lines.Single(l => l.Id == "reviews");
        var after = TrainingScorer.Score(Erasmus, record, nowH: 2.26).Lines.Single(l => l.Id == "reviews");

        Assert.Equal((0, 0, 1), (during.Met, during.Missed, during.Pending));
        Assert.Contains("so far ann: set-rate 5 (raise the rate)", during.Evidence[0].What, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), (after.Met, after.Missed, after.Pending));
    }

    [Fact]
    public void A_raise_in_a_patient_with_a_severe_side_effect_is_penalised_and_does_not_lower()
    {
        List<TrainingEntry> record = [new SideEffectSeen(1, 3.0, "psychotomimetic", SideEffectGrade.Severe), Act(1, 3.05, TraineeActionKind.SetRate, 9, rateBefore: 7)];
        var line = TrainingScorer.Score(Erasmus, record, nowH: 4).Lines.Single(l => l.Id == "lower-on-severe");
        Assert.Equal((0, 1, 10.0), (line.Met, line.Missed, line.Penalty));
    }
}
