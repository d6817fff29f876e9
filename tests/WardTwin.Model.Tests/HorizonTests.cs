using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

/// <summary>Patients followed for years: retreatment carries the effect site, the first course does not move, QALYs and discounting add up by hand.</summary>
public sealed class HorizonTests
{
    private static readonly Protocol Erasmus = TestData.Catalog.LoadProtocol("erasmus-7d");

    private static CohortRunner Runner(Protocol p, double years = 5, UtilityMap map = UtilityMap.Dixon, double discount = 0.015) =>
        new(p, TestData.Catalog.LoadCohort(p.Cohort), TestData.Parameters, new HorizonSettings(years, map, discount));

    [Fact]
    public void A_second_course_starts_from_the_slow_effect_site_the_first_left()
    {
        var plan = new ProtocolPlan(Erasmus, TestData.Parameters);
        var patient = TestData.Patient();
        var first = new Admission(plan, patient);
        first.RunToEnd();
        var after = first.Aftermath();
        double restartH = after.EndH + (4 * 7 * 24); // four weeks after the end
        after.ScoreAt(restartH - 1);
        double leftNgPerMl = after.SlowEffectNgPerMl;
        var second = new Admission(plan, patient, carried: after.HandOverAt(restartH));
        var fresh = new Admission(plan, patient);

        Assert.True(leftNgPerMl > 0.1, $"four weeks after the end the slow effect site still holds {leftNgPerMl:0.###} ng/mL");
        Assert.Equal(after.SlowEffectNgPerMl, second.ConcentrationsNow.SlowEffectNgPerMl, 9);
        Assert.Equal(0, fresh.ConcentrationsNow.SlowEffectNgPerMl);

        // Carried in, it shows: the second course's first-day pain is lower than a fresh first course's for the same patient.
        var o2 = second.RunToEnd();
        var o1 = fresh.RunToEnd();
        Assert.True(o2.DailyNrs[0][0] <= o1.DailyNrs[0][0], $"day 1: second course {o2.DailyNrs[0][0]}, fresh {o1.DailyNrs[0][0]}");
    }

    [Fact]
    public void Followed_for_years_the_first_course_is_exactly_the_one_course_run()
    {
        var once = new CohortRunner(Erasmus, TestData.Catalog.LoadCohort(Erasmus.Cohort), TestData.Parameters).Run(150, seed: 3, maxParallelism: 1);
        var years = Runner(Erasmus).Run(150, seed: 3, maxParallelism: 1);
        for (int i = 0; i < once.Length; i++)
        {
            Assert.NotNull(years[i].Horizon);
            Assert.Equal(once[i], years[i] with { Horizon = null }, new OutcomeByValue());
        }
    }

    [Fact]
    public void Relief_lost_is_retreated_as_the_protocol_says_and_none_means_one_course()
    {
        var repeat = Runner(Erasmus).Run(300, seed: 5, maxParallelism: 1);
        var none = Runner(Erasmus with { Retreatment = new Retreatment(RetreatmentPolicy.None) }).Run(300, seed: 5, maxParallelism: 1);
        var goldberg = TestData.Catalog.LoadProtocol("goldberg-10d-outpatient");
        var booster = Runner(goldberg).Run(300, seed: 5, maxParallelism: 1);

        Assert.All(none, o => Assert.Equal(1, o.Horizon!.Courses));
        double retreated = repeat.Count(o => o.Horizon!.Courses > 1) / 300.0;
        Assert.InRange(retreated, 0.2, 0.8); // uptake 0.5 of those whose relief came and went (about two thirds respond)
        Assert.All(repeat.Where(o => o.Horizon!.Courses > 1), o => Assert.True(o.NrsT0 - o.NrsT1 >= 2 || o.WeeklyNrsAfter.Any(w => o.NrsT0 - w >= 2) || o.Horizon!.LaterCourseStartYears[0] > 0.5,
            "only a patient whose relief came (and went) is retreated"));
        Assert.All(repeat.Where(o => o.Horizon!.Courses > 1), o => Assert.True(o.Horizon!.LaterCourseStartYears.Zip(o.Horizon.LaterCourseStartYears.Skip(1)).All(p => p.First < p.Second)));
        Assert.Contains(booster, o => o.Horizon!.BoosterCourses > 0);
        Assert.All(booster.Where(o => o.Horizon!.BoosterCourses > 0), o => Assert.Equal(o.Horizon!.BoosterCourses, o.Horizon.BoosterSessions)); // one 4-h session each
        double bedDaysOnce = none.Average(o => o.Horizon!.BedDays);
        Assert.True(repeat.Average(o => o.Horizon!.BedDays) > 1.3 * bedDaysOnce, "retreatment fills beds again");
    }

    [Fact]
    public void Qalys_are_summed_day_by_day_and_discounted_by_year_as_by_hand()
    {
        // Discount factors as the guidelines tabulate them: year 0 in full, year 1 at 1/1.035, year 2 at 1/1.035^2.
        Assert.Equal(1, Discounting.Factor(0.035, 0.99));
        Assert.Equal(1 / 1.035, Discounting.Factor(0.035, 1.0), 12);
        Assert.Equal(1 / (1.035 * 1.035), Discounting.Factor(0.035, 2.5), 12);

        // Two years at a constant NRS 4 (Dixon: 1 - 0.121 = 0.879): 730 days; days 0-365 in year 0, 366-729 in year 1.
        var days = new HorizonDays(2);
        days.Score(0, 4);
        for (int w = 1; w * 7 * 24 < 2 * 365.25 * 24; w++)
        {
            days.Score(w * 7 * 24, 4);
        }

        var (q, qd) = days.Qalys(new NrsUtility(TestData.Parameters.Horizon, UtilityMap.Dixon), 0.015);
        Assert.Equal(730 * 0.879 / 365.25, q, 9);
        Assert.Equal(((366 * 0.879) + (364 * 0.879 / 1.015)) / 365.25, qd, 9);

        // The linear map gives 0.85 - 0.05 x 4 = 0.65 a day.
        var (linear, _) = days.Qalys(new NrsUtility(TestData.Parameters.Horizon, UtilityMap.Linear), 0);
        Assert.Equal(730 * 0.65 / 365.25, linear, 9);
    }

    [Fact]
    public void Dixon_is_non_linear_and_below_the_linear_map_at_severe_pain()
    {
        var dixon = new NrsUtility(TestData.Parameters.Horizon, UtilityMap.Dixon);
        var linear = new NrsUtility(TestData.Parameters.Horizon, UtilityMap.Linear);
        Assert.Equal(1.0, dixon.Utility(0));
        Assert.Equal(1 - 0.793, dixon.Utility(10), 9);
        Assert.True(dixon.Utility(3) - dixon.Utility(4) < dixon.Utility(7) - dixon.Utility(8), "each point costs more at the severe end");
        Assert.True(dixon.Utility(9) < linear.Utility(9));
    }

    /// <summary>Outcomes compared field by field, arrays by content.</summary>
    private sealed class OutcomeByValue : IEqualityComparer<AdmissionOutcome>
    {
        public bool Equals(AdmissionOutcome? x, AdmissionOutcome? y) =>
            x is not null && y is not null && Text(x) == Text(y);

        public int GetHashCode(AdmissionOutcome obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(AdmissionOutcome o) =>
            string.Join('|', o.ToString(), string.Join(',', o.DailyNrs.SelectMany(d => d)), string.Join(',', o.WeeklyNrsAfter), string.Join(',', o.WorstSideEffects), string.Join(',', o.Alarms));
    }
}
