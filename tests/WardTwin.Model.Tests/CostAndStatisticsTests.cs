using WardTwin.Model.Costs;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Tests;

public sealed class CostAndStatisticsTests
{
    [Fact]
    public void An_inpatient_bill_is_bed_days_drug_nurse_time_and_the_follow_up_visit()
    {
        var protocol = TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null };
        var prices = TestData.Catalog.LoadPrices("nl");
        var outcome = new Admission(new ProtocolPlan(protocol, TestData.Parameters), TestData.Patient(responder: false) with { BaselineNrs = 10 }).RunToEnd();
        var bill = new CostCalculator(prices).Cost(protocol, outcome);
        Assert.Equal(7 * 644, bill.Beds, 6);
        Assert.Equal(outcome.TotalMg * 0.10, bill.Drug, 6);
        Assert.Equal(14 * 0.1667 * 75, bill.Nursing, 6);
        Assert.Equal(120, bill.FollowUp, 6);
        Assert.Equal(0, bill.Sessions);
        Assert.Equal(bill.Beds + bill.Drug + bill.Nursing + bill.FollowUp, bill.Total, 6);
    }

    [Fact]
    public void A_day_care_course_is_billed_per_session_with_no_bed_days()
    {
        var protocol = TestData.Catalog.LoadProtocol("goldberg-10d-outpatient");
        var prices = TestData.Catalog.LoadPrices("us");
        var outcome = new Admission(new ProtocolPlan(protocol, TestData.Parameters), TestData.Patient()).RunToEnd();
        var bill = new CostCalculator(prices).Cost(protocol, outcome);
        Assert.Equal(10, outcome.DayCareSessions);
        Assert.Equal(0, outcome.BedDays);
        Assert.Equal(10 * 349, bill.Sessions, 6);
        Assert.Equal(outcome.TotalMg * 0.011, bill.Drug, 6);
        Assert.Equal("USD", prices.Currency);
    }

    [Fact]
    public void Wilson_interval_matches_the_published_formula()
    {
        var (lo, hi) = Proportion.Wilson(29, 47);
        Assert.Equal(0.4745, lo, 3);
        Assert.Equal(0.7417, hi, 3);
        var (lo0, hi0) = Proportion.Wilson(0, 16);
        Assert.Equal(0, lo0, 9);
        Assert.Equal(0.1936, hi0, 3);
    }

    [Fact]
    public void Dist_gives_mean_sd_median_and_quartiles()
    {
        var d = Dist.Of([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal(5, d.Mean, 9);
        Assert.Equal(Math.Sqrt(7.5), d.Sd, 9);
        Assert.Equal(5, d.Median, 9);
        Assert.True(d.Q1 < d.Median && d.Median < d.Q3);
        Assert.Equal(9, d.N);
    }
}
