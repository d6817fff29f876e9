using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

public sealed class TimelineTests
{
    [Fact]
    public void Erasmus_reviews_come_at_11_and_17_each_day_of_the_week()
    {
        var p = TestData.Catalog.LoadProtocol("erasmus-7d");
        var reviews = Timeline.Treatment(p, TestData.Parameters.Simulation).Where(e => e.Kind == TimelineEventKind.Review).Select(e => e.TimeH).ToArray();
        Assert.Equal(14, reviews.Length);
        Assert.Equal([2, 8, 26, 32], reviews.Take(4));
        Assert.Equal(152, reviews[^1]);
    }

    [Fact]
    public void Weekday_sessions_skip_the_weekend()
    {
        var p = TestData.Catalog.LoadProtocol("goldberg-10d-outpatient");
        var starts = Timeline.Infusions(p).Select(i => i.StartH / 24).ToArray();
        Assert.Equal([0, 1, 2, 3, 4, 7, 8, 9, 10, 11], starts);
    }

    [Fact]
    public void Bolus_visits_are_three_and_a_half_weeks_apart()
    {
        var p = TestData.Catalog.LoadProtocol("review-bolus-0.5");
        var infusions = Timeline.Infusions(p);
        Assert.Equal(4, infusions.Count);
        Assert.Equal(24.5 * 24, infusions[1].StartH, 9);
        Assert.Equal(0.75, infusions[0].EndH - infusions[0].StartH, 9);
    }

    [Fact]
    public void After_treatment_come_T1_weekly_scores_to_the_26_week_default_horizon_and_the_patients_own_T2()
    {
        var events = Timeline.AfterTreatment(new Protocols.OutcomeTimes(T1AfterEndH: 0.5), 100, t2WeeksAfterEnd: 3.3);
        Assert.Equal(100.5, events[0].TimeH);
        var weekly = events.Where(e => e.Kind == TimelineEventKind.WeeklyAfter).ToArray();
        Assert.Equal(26, weekly.Length);
        Assert.Equal(100 + (25.5 * 7 * 24), weekly[^1].TimeH, 9); // mid-week of week 26
        Assert.Equal(100 + (3.3 * 7 * 24), events.Single(e => e.Kind == TimelineEventKind.T2).TimeH, 9);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.TimeH <= p.Second.TimeH));
        var shorter = Timeline.AfterTreatment(new Protocols.OutcomeTimes(FollowUpHorizonWeeks: 12), 100, 4);
        Assert.Equal(12, shorter.Count(e => e.Kind == TimelineEventKind.WeeklyAfter));
    }
}
