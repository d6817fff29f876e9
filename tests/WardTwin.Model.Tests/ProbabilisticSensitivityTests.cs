using WardTwin.Model.Costs;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

public sealed class ProbabilisticSensitivityTests
{
    private static (Protocols.Protocol Protocol, Outcomes.AdmissionOutcome[] Outcomes, PriceList Prices) Cohort()
    {
        var protocol = TestData.Catalog.LoadProtocol("erasmus-7d");
        var outcomes = new CohortRunner(protocol, TestData.Catalog.LoadCohort(protocol.Cohort), TestData.Parameters).Run(400, seed: 3);
        return (protocol, outcomes, TestData.Catalog.LoadPrices("nl"));
    }

    [Fact]
    public void Price_draws_centre_on_the_deterministic_cost_and_spread_with_the_coefficient_of_variation()
    {
        var (protocol, outcomes, prices) = Cohort();
        double deterministic = outcomes.Average(o => new CostCalculator(prices).Cost(protocol, o).Total);
        var narrow = ProbabilisticSensitivity.Run(protocol, outcomes, prices with { Psa = new PsaSettings(0.1, 4000) }, 1);
        var wide = ProbabilisticSensitivity.Run(protocol, outcomes, prices with { Psa = new PsaSettings(0.4, 4000) }, 1);
        Assert.InRange(narrow.PerPatient.Mean, deterministic * 0.98, deterministic * 1.02);
        Assert.InRange(deterministic, narrow.PerPatient.Low, narrow.PerPatient.High);
        Assert.True(wide.PerPatient.High - wide.PerPatient.Low > 2.5 * (narrow.PerPatient.High - narrow.PerPatient.Low));
        Assert.True(narrow.PerResponderT1.Mean > narrow.PerPatient.Mean, "cost per responder exceeds cost per patient");
    }

    [Fact]
    public void The_same_seed_gives_the_same_spread_and_no_spread_gives_the_point_value()
    {
        var (protocol, outcomes, prices) = Cohort();
        Assert.Equal(ProbabilisticSensitivity.Run(protocol, outcomes, prices, 5), ProbabilisticSensitivity.Run(protocol, outcomes, prices, 5));
        var none = ProbabilisticSensitivity.Run(protocol, outcomes, prices with { Psa = new PsaSettings(0, 50) }, 5);
        Assert.Equal(none.PerPatient.Low, none.PerPatient.High, 6);
    }
}
