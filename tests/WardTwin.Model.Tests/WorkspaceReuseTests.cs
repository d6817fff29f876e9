using System.Text.Json;
using System.Text.Json.Serialization;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

/// <summary>
/// A runner walks its patients in one reused admission per thread (its PK/PD system, tracker, pump and records reset in
/// place): every patient's outcome must be, to the last bit, what a freshly made admission gives, whatever walked before.
/// </summary>
public sealed class WorkspaceReuseTests
{
    private const int Patients = 300;

    // Every field of the outcome, nested courses included; doubles as their shortest round-trip text, so equal text is equal bits.
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData("erasmus-7d")]
    [InlineData("goldberg-10d-outpatient")]
    [InlineData("ketcrps2-outpatient-6x6h")]
    [InlineData("review-continuous-4.7d")]
    [InlineData("dahan-100h-placebo")]
    public void A_reused_admission_gives_each_patient_what_a_fresh_one_gives(string protocolId)
    {
        var protocol = TestData.Catalog.LoadProtocol(protocolId);
        var cohort = TestData.Catalog.LoadCohort(protocol.Cohort);
        var sampler = new PatientSampler(cohort, TestData.Parameters, protocol.Arm);
        var plan = new ProtocolPlan(protocol, TestData.Parameters);

        // One thread: the runner walks all of them in the same workspace.
        var reused = new CohortRunner(protocol, cohort, TestData.Parameters).Run(Patients, seed: 17, maxParallelism: 1);
        for (int i = 0; i < Patients; i++)
        {
            var fresh = new Admission(plan, sampler.Sample(17, i)).RunToEnd();
            Assert.Equal(Text(fresh), Text(reused[i]));
        }
    }

    [Theory]
    [InlineData("erasmus-7d")]
    [InlineData("goldberg-10d-outpatient")]
    public void Followed_for_years_reused_courses_give_what_fresh_ones_give(string protocolId)
    {
        var protocol = TestData.Catalog.LoadProtocol(protocolId);
        var cohort = TestData.Catalog.LoadCohort(protocol.Cohort);
        var sampler = new PatientSampler(cohort, TestData.Parameters, protocol.Arm);
        var settings = new HorizonSettings(3, UtilityMap.Dixon, 0.015);
        var walk = new HorizonWalk(new ProtocolPlan(protocol, TestData.Parameters), settings);

        var reused = new CohortRunner(protocol, cohort, TestData.Parameters, settings).Run(Patients, seed: 23, maxParallelism: 1);
        for (int i = 0; i < Patients; i++)
        {
            // The public walk takes a new workspace for each patient: nothing in it was used before.
            var fresh = walk.Run(sampler.Sample(23, i));
            Assert.Equal(Text(fresh), Text(reused[i]));
        }

        // Later courses (Goldberg's boosters among them) walked in the same admission as the first: the reuse was exercised.
        Assert.Contains(reused, o => o.Horizon!.Courses > 1);
        if (protocol.RetreatmentOrNone.Policy == RetreatmentPolicy.Booster)
        {
            Assert.Contains(reused, o => o.Horizon!.BoosterCourses > 0);
        }
    }

    [Fact]
    public void One_workspace_walking_two_protocols_in_turn_keeps_neither_from_the_other()
    {
        // S-ketamine and racemic: the PK/PD state holds a different number of modes, the pump another bag, the records other sizes.
        var protocols = new[] { TestData.Catalog.LoadProtocol("erasmus-7d"), TestData.Catalog.LoadProtocol("goldberg-10d-outpatient") };
        var plans = protocols.Select(p => new ProtocolPlan(p, TestData.Parameters)).ToArray();
        var samplers = protocols.Select(p => new PatientSampler(TestData.Catalog.LoadCohort(p.Cohort), TestData.Parameters, p.Arm)).ToArray();
        var workspace = new AdmissionWorkspace();
        Admission? first = null;
        for (int i = 0; i < Patients; i++)
        {
            int k = (i / 3) % 2; // runs of three, so each protocol also follows itself
            var patient = samplers[k].Sample(29, i);
            var admission = workspace.Admit(plans[k], patient);
            first ??= admission;
            Assert.Same(first, admission);
            Assert.Equal(Text(new Admission(plans[k], patient).RunToEnd()), Text(admission.RunToEnd()));
        }
    }

    private static string Text(AdmissionOutcome o) => JsonSerializer.Serialize(o, Exact);
}
