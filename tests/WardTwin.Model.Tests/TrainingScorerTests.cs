using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>The rubric scorer on scripted trainees, against the shipped Erasmus scenario's rubric.</summary>
public sealed class TrainingScorerTests
{
    private const int Bed = 1;
    private static readonly Scenario Erasmus = TestData.Catalog.LoadScenario("erasmus-day1-hallucinations");

    private static TraineeAction Act(double h, TraineeActionKind kind, double? value = null, double rateBefore = 3, string? target = null, bool aboveHard = false, bool accepted = true) =>
        new(Bed, h, "ann", 0, kind, value, accepted, "ok", target, rateBefore, aboveHard);

    /// <summary>A review at 2 h (raise 3 -> 5), hallucinations at 3 h, an alarm at 3.2 h.</summary>
    private static List<TrainingEntry> Situation() =>
    [
        new ReviewDue(Bed, 2.0, 3, 5, "raise", "no relief, no side effects"),
        new SideEffectSeen(Bed, 3.0, "psychotomimetic", SideEffectGrade.Severe),
        new AlarmRaised(Bed, 3.2, "hr_over_100", AlarmPriority.Medium),
    ];

    [Fact]
    public void A_scripted_perfect_trainee_scores_100()
    {
        var record = Situation();
        record.AddRange(
        [
            Act(2.05, TraineeActionKind.SetRate, 5),
            Act(3.10, TraineeActionKind.SetRate, 3, rateBefore: 5),
            Act(3.12, TraineeActionKind.Midazolam, 2),
            Act(3.2 + (30 / 3600.0), TraineeActionKind.AcknowledgeAlarm, target: "hr_over_100"),
        ]);

        var card = TrainingScorer.Score(Erasmus, record, nowH: 5);

        Assert.Equal(100, card.Score, 9);
        Assert.False(card.CriticalError);
        Assert.All(card.Lines.Where(l => l.Applies), l => Assert.Equal(0, l.Missed));
        Assert.Equal(4, card.Lines.Sum(l => l.Met));
    }

    [Fact]
    public void A_scripted_careless_trainee_gets_exactly_the_penalties_the_rubric_names()
    {
        var record = Situation();
        record.AddRange(
        [
            Act(1.00, TraineeActionKind.Midazolam, 2),                       // no indication: -5
            Act(3.60, TraineeActionKind.SetRate, 2, rateBefore: 3),          // review ignored; lowered 36 min after the severe effect
            Act(3.12, TraineeActionKind.Midazolam, 2),                       // in time, indicated
            Act(3.2 + (30 / 3600.0), TraineeActionKind.AcknowledgeAlarm, target: "hr_over_100"),
        ]);

        var card = TrainingScorer.Score(Erasmus, record, nowH: 5);

        // Weights: reviews 30 (missed), lower-on-severe 25 (missed), midazolam 20 (met), alarms 25 (met): 45 of 100, then -5.
        Assert.Equal(40, card.Score, 9);
        Assert.Equal(1, card.Lines.Single(l => l.Id == "reviews").Missed);
        Assert.Equal(1, card.Lines.Single(l => l.Id == "lower-on-severe").Missed);
        Assert.Contains("only after 36 min", card.Lines.Single(l => l.Id == "lower-on-severe").Evidence[0].What, StringComparison.Ordinal);
        Assert.Equal(5, card.Lines.Single(l => l.Id == "no-needless-midazolam").Penalty);
    }

    [Fact]
    public void A_critical_error_ends_the_scenario_at_zero()
    {
        var record = Situation();
        record.Add(Act(2.05, TraineeActionKind.SetRate, 20, aboveHard: true, accepted: false));
        record.Add(Act(2.06, TraineeActionKind.SetRate, 5));

        var card = TrainingScorer.Score(Erasmus, record, nowH: 5);

        Assert.True(card.CriticalError);
        Assert.Equal(0, card.Score);
        Assert.Equal("hard-limit", card.EndedBy);
        Assert.Equal(2.05, card.EndedAtH);
    }

    [Fact]
    public void An_occasion_whose_window_is_open_is_pending_and_does_not_count()
    {
        var card = TrainingScorer.Score(Erasmus, [new ReviewDue(Bed, 2.0, 3, 5, "raise", "r")], nowH: 2.1);

        var reviews = card.Lines.Single(l => l.Id == "reviews");
        Assert.Equal((0, 0, 1), (reviews.Met, reviews.Missed, reviews.Pending));
        Assert.Equal(100, card.Score);

        var later = TrainingScorer.Score(Erasmus, [new ReviewDue(Bed, 2.0, 3, 5, "raise", "r")], nowH: 2.3);
        Assert.Equal(0, later.Score);
    }

    [Fact]
    public void Occasions_before_the_trainee_took_over_do_not_count()
    {
        var card = TrainingScorer.Score(Erasmus, Situation(), nowH: 5, fromH: 3.1);
        Assert.Equal(0, card.Lines.Single(l => l.Id == "reviews").Missed);
        Assert.Equal(0, card.Lines.Single(l => l.Id == "lower-on-severe").Missed);
        Assert.Equal(1, card.Lines.Single(l => l.Id == "ack-alarms").Missed);
    }

    [Fact]
    public void A_bag_the_ward_nurse_hung_is_no_occasion_and_near_empty_then_empty_is_one_bag()
    {
        var night = TestData.Catalog.LoadScenario("goldberg-5d-night-desaturation");
        List<TrainingEntry> record =
        [
            new PumpAlarmSeen(2, 13.5, PumpAlarmKind.NearEmpty, NewBagHung: true),  // before the take-over: the nurse hung it
            new PumpAlarmSeen(2, 16.3, PumpAlarmKind.NearEmpty),
            new PumpAlarmSeen(2, 16.4, PumpAlarmKind.Empty),
            Act(16.45, TraineeActionKind.ReplaceBag) with { Bed = 2 },
        ];
        var bag = TrainingScorer.Score(night, record, nowH: 17, fromH: 16).Lines.Single(l => l.Id == "bag");
        Assert.Equal((1, 0), (bag.Met, bag.Missed));
        Assert.Contains("bag near empty; ann: replace-bag (hang a new bag) after 9 min", bag.Evidence[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hold_at_review_is_met_by_deciding_to_hold_and_missed_by_doing_nothing()
    {
        // 17:00 with 13 mg/h running after hallucinations: the rule holds (a severe side effect since the last review).
        ReviewDue review = new(Bed, 8.0, 13, 13, "hold", "held: severe psychotomimetic", Nrs: 7, NoticedRelief: false, WorstSinceReview: "psychotomimetic",
            WorstSinceReviewGrade: SideEffectGrade.Severe);
        var idle = TrainingScorer.Score(Erasmus, [review], nowH: 9).Lines.Single(l => l.Id == "reviews");
        Assert.Equal((0, 1), (idle.Met, idle.Missed));
        Assert.Contains("no decision within 15 min", idle.Evidence[0].What, StringComparison.Ordinal);

        var held = TrainingScorer.Score(Erasmus, [review, Act(8.05, TraineeActionKind.Hold, rateBefore: 13)], nowH: 9).Lines.Single(l => l.Id == "reviews");
        Assert.Equal((1, 0), (held.Met, held.Missed));
        Assert.Contains("ann: hold (keep the rate): 13 mg/h", held.Evidence[0].What, StringComparison.Ordinal);
        Assert.Contains("side effects since the last review: psychotomimetic severe", held.Evidence[0].Saw, StringComparison.Ordinal);
        Assert.Contains("NRS 7, no relief noticed", held.Evidence[0].Saw, StringComparison.Ordinal);
    }
}
