using WardTwin.Model.Costs;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Tests;

public sealed class CostAndStatisticsTests
{
    [Fact]
    public void An_inpatient_bill_is_bed_days_drug_co_medication_and_the_follow_up_visit_with_staff_counted_once()
    {
        var protocol = TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null };
        var prices = TestData.Catalog.LoadPrices("nl");
        var outcome = new Admission(new ProtocolPlan(protocol, TestData.Parameters), TestData.Patient(responder: false) with { BaselineNrs = 10 }).RunToEnd();
        var bill = new CostCalculator(prices).Cost(protocol, outcome);
        Assert.Equal(7 * 644, bill.Beds, 6);
        Assert.Equal(outcome.TotalMg * 0.10, bill.Drug, 6);
        Assert.Equal(outcome.MidazolamDoses * 1.0, bill.CoMedication, 6);
        Assert.Equal(0, bill.Nursing); // the nursing day includes staff
        Assert.Equal(120, bill.FollowUp, 6);
        Assert.Equal(0, bill.Sessions);
        Assert.Equal(0, bill.Productivity + bill.Travel);
        Assert.Equal(bill.Beds + bill.Drug + bill.CoMedication + bill.FollowUp, bill.Total, 6);

        // On the staff-excluded basis the day is cheaper and each review's nurse time is added.
        var excluded = new CostCalculator(prices, new CostRules(Basis: PriceBasis.StaffExcluded)).Cost(protocol, outcome);
        Assert.Equal(7 * 537, excluded.Beds, 6);
        Assert.Equal(14 * 0.1667 * 75, excluded.Nursing, 6);

        // The societal perspective adds a week of half days of paid work and two return trips (the stay, the follow-up visit).
        var societal = new CostCalculator(prices, new CostRules(Perspective.Societal)).Cost(protocol, outcome);
        Assert.Equal(7 * 4 * 39.88, societal.Productivity, 6);
        Assert.Equal(2 * ((20 * 0.26) + 3.92), societal.Travel, 6);
        Assert.Equal(bill.Total + societal.Productivity + societal.Travel, societal.Total, 6);
    }

    [Fact]
    public void Rules_a_price_list_cannot_carry_and_items_no_rule_uses_are_refused_by_name()
    {
        var us = TestData.Catalog.LoadPrices("us");
        var societal = Assert.Throws<ArgumentException>(() => new CostCalculator(us, new CostRules(Perspective.Societal)));
        Assert.Contains("productivity_loss_per_h", societal.Message, StringComparison.Ordinal);
        var excluded = Assert.Throws<ArgumentException>(() => new CostCalculator(us, new CostRules(Basis: PriceBasis.StaffExcluded)));
        Assert.Contains("inpatient_day_excl_staff", excluded.Message, StringComparison.Ordinal);

        string path = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, File.ReadAllText(TestData.Catalog.PricesPath("nl")).Replace("\"outpatient_visit\"", "\"outpatient_vist\"", StringComparison.Ordinal));
        try
        {
            var ex = Assert.Throws<WardTwin.Model.Data.DataFileException>(() => TestData.Catalog.LoadPrices(path));
            Assert.Contains("items.outpatient_vist", ex.Message, StringComparison.Ordinal);
            Assert.Contains("no cost rule uses it", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_intensive_care_stay_is_billed_at_the_sourced_intensive_care_day()
    {
        var protocol = TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null, Setting = Setting.IntensiveCare };
        var outcome = new Admission(new ProtocolPlan(protocol, TestData.Parameters), TestData.Patient(responder: false) with { BaselineNrs = 10 }).RunToEnd();
        Assert.Equal(7 * 2727, new CostCalculator(TestData.Catalog.LoadPrices("nl")).Cost(protocol, outcome).Beds, 6);
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
