using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

/// <summary>Who gives co-medication once a trainee takes over a bed, and what the trainee's page reads of the rule's inputs.</summary>
public sealed class CoMedicationTakeOverTests
{
    private static ProtocolPlan Goldberg => new(TestData.Catalog.LoadProtocol("goldberg-5d-inpatient") with { EarlyDischarge = null }, TestData.Quiet);

    /// <summary>The night scenario's bed: the trainee takes over at 16 h (day 2 01:00) and the patient is restless at 16.02 h.</summary>
    private static Admission Night(bool traineeCoMedicates)
    {
        var walk = new Admission(Goldberg, TestData.Patient(), recordEvents: true, wardNurseHangsBags: false, traineeFromH: 16, traineeCoMedicates: traineeCoMedicates);
        walk.AdvanceTo(16.02);
        walk.Inject(new Injection(InjectionKind.SideEffect, SideEffectKind.Restlessness, SideEffectGrade.Moderate, DurationH: 0.75));
        walk.AdvanceTo(18);
        return walk;
    }

    [Fact]
    public void In_a_bed_whose_co_medication_the_trainee_decides_the_protocol_gives_none_after_the_take_over()
    {
        var protocol = Night(traineeCoMedicates: false).Log.OfType<CoMedicationEvent>().Where(e => e.TimeH >= 16).ToArray();
        var trainee = Night(traineeCoMedicates: true);

        // The protocol's own rule answers restlessness with midazolam at once: the dose that made the trainee's a "too soon".
        Assert.Contains(protocol, e => e.Drug == Drug.Midazolam && e.TimeH == 16.02 && !e.ByHand);
        Assert.DoesNotContain(trainee.Log.OfType<CoMedicationEvent>(), e => e.TimeH >= 16);
        Assert.Contains(trainee.Log.OfType<CoMedicationEvent>(), e => e.TimeH == 0 && e.Drug == Drug.Midazolam); // before the take-over, the ward's

        trainee.GiveMidazolam(2);
        var byHand = Assert.Single(trainee.Log.OfType<CoMedicationEvent>(), e => e.TimeH >= 16);
        Assert.True(byHand.ByHand);
    }

    [Fact]
    public void What_the_titration_rule_reads_is_there_for_the_page_between_reviews()
    {
        var walk = new Admission(new ProtocolPlan(TestData.Catalog.LoadProtocol("erasmus-7d") with { EarlyDischarge = null }, TestData.Quiet),
            TestData.Patient(responder: false) with { BaselineNrs = 9 }, traineeTitrates: true);
        walk.AdvanceTo(2.5); // past the 11:00 review
        Assert.Equal(2.0, walk.LastReviewH);
        Assert.False(walk.LastNoticedRelief);
        Assert.NotNull(walk.LastReportedNrs);

        walk.Inject(new Injection(InjectionKind.SideEffect, SideEffectKind.Nausea, SideEffectGrade.Moderate, DurationH: 0.5));
        walk.AdvanceTo(4);
        Assert.Equal(SideEffectGrade.Moderate, walk.SideEffectsSinceReview()["nausea"]); // gone now, but the 17:00 rule will hold on it
        Assert.Equal(SideEffectGrade.None, walk.CurrentSideEffects()["nausea"]);
        Assert.Equal(SideEffectGrade.Moderate, walk.RuleInputsNow().WorstSinceLastReview);
    }
}
