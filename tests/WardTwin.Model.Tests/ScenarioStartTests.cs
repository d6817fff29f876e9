using System.Globalization;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Training;
using Xunit.Abstractions;

namespace WardTwin.Model.Tests;

/// <summary>
/// Each shipped scenario's patients as the trainee finds them when the session starts (the protocol ran them until then, as
/// a ward does): printed for docs/training.md, and checked against what the scenarios promise.
/// </summary>
public sealed class ScenarioStartTests(ITestOutputHelper output)
{
    private static (Admission Walk, ScenarioPatient Bed) Start(Scenario s, ScenarioPatient p)
    {
        var catalog = TestData.Catalog;
        var plan = new ProtocolPlan(catalog.LoadProtocol(s.Ward.Protocol), catalog.LoadParameters());
        var sampler = new PatientSampler(catalog.LoadCohort(plan.Protocol.Cohort), plan.Parameters, plan.Protocol.Arm);
        var d = s.DecisionsOrDefault;
        var walk = new Admission(plan, p.Overrides.Apply(sampler.Sample(p.Seed, p.Index)), recordEvents: true, wardNurseHangsBags: d.Bags == Decider.Protocol,
            traineeTitrates: d.Titration == Decider.Trainee, traineeFromH: s.Ward.StartAtH, traineeCoMedicates: d.CoMedication == Decider.Trainee,
            livePhysiology: true); // as the grains walk a training ward
        walk.AdvanceTo(s.Ward.StartAtH);
        return (walk, p);
    }

    [Fact]
    public void Every_shipped_scenarios_patients_start_as_the_docs_say()
    {
        var rows = new List<string>();
        foreach (var id in TestData.Catalog.ScenarioIds())
        {
            var s = TestData.Catalog.LoadScenario(id);
            foreach (var (walk, p) in s.Patients.Select(p => Start(s, p)))
            {
                var v = walk.Patient;
                var (delivered, bagLeft, _) = walk.Pump.ProjectedAt(walk.ClockH);
                var effects = walk.CurrentSideEffects().Where(e => e.Value > SideEffectGrade.None).Select(e => $"{e.Key} {e.Value.ToString().ToLowerInvariant()}").ToArray();
                var doses = walk.Log.OfType<CoMedicationEvent>().Select(c => $"{c.Drug.ToString().ToLowerInvariant()} {c.DoseMg:0.#} mg at {c.TimeH:0.##} h").ToArray();
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {s.Id} | {p.Bed} | {v.WeightKg:0} kg, NRS {v.BaselineNrs:0.#}, {(v.AnalgesicResponder ? "responder" : "non-responder")} | {walk.Pump.RateMgPerH:0.#} mg/h ({walk.Pump.State.ToString().ToLowerInvariant()}) | {delivered:0} mg, bag {bagLeft:0} mL left | {walk.LastReportedNrs?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {(effects.Length == 0 ? "none" : string.Join(", ", effects))} | {(doses.Length == 0 ? "none" : string.Join("; ", doses))} |"));

                Assert.False(walk.TreatmentEnded);
                Assert.Equal(PumpStateRunning, walk.Pump.State.ToString());
                Assert.DoesNotContain(walk.Log.OfType<CoMedicationEvent>(), c => c.TimeH >= s.Ward.StartAtH && s.DecisionsOrDefault.CoMedication == Decider.Trainee);
            }
        }

        output.WriteLine("| scenario | bed | patient | pump at the start | delivered, bag | last NRS | side effects | co-medication before the start |");
        rows.ForEach(output.WriteLine);
        Assert.Contains(rows, r => r.StartsWith("| erasmus-day1-hallucinations | 1 | 68 kg", StringComparison.Ordinal) && r.Contains("| 3 mg/h (running)", StringComparison.Ordinal));
    }

    private const string PumpStateRunning = "Running";
}
