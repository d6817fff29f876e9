using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Protocols;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>
/// A protocol with its schedule laid out once; every admission under it shares this (read-only, so threads share it too).
/// What depends on the protocol and the parameters but not on the patient is worked out here once, not per admission.
/// </summary>
public sealed class ProtocolPlan
{
    public ProtocolPlan(Protocol protocol, ModelParameters parameters)
    {
        Protocol = protocol;
        Parameters = parameters;
        Infusions = Timeline.Infusions(protocol);
        TreatmentEvents = [.. Timeline.Treatment(protocol, parameters.Simulation)];
        Titration = protocol.Titration is null ? null : new Titration.TitrationEngine(protocol);
        SideEffects = new SideEffectModel(parameters.SideEffects);
        Vitals = new VitalsModel(parameters.Vitals);
        Alarms = new AlarmEvaluator(parameters.Alarms);
        AssessmentMeasures = protocol.Assessments.MeasuresOrDefault;
        OutcomeTimes = protocol.OutcomesOrDefault;
        CoMedications = protocol.CoMedicationOrEmpty;
        CoMedicationTriggers = CoMedicationPlan.Triggers(CoMedications);
        SessionH = protocol.Schedule.SessionH ?? 1;
        PumpBag = Admission.PumpBagFor(protocol, parameters.Pump);
        if (protocol.EarlyDischarge?.SevereSideEffectH is { } limit)
        {
            SevereSideEffectsReason = $"severe side effects for {limit:0} h";
        }

        var unless = protocol.Titration?.Raise?.UnlessAlarms;
        for (int i = 0; unless is { Count: > 0 } && i < Alarms.Rules.Count; i++)
        {
            if (unless.Contains(AlarmEvaluator.Name(Alarms.Rules[i])))
            {
                AlarmsHoldingRaise |= 1 << i;
            }
        }
    }

    public Protocol Protocol { get; }

    public ModelParameters Parameters { get; }

    public IReadOnlyList<(double StartH, double EndH)> Infusions { get; }

    public TimelineEvent[] TreatmentEvents { get; }

    public Titration.TitrationEngine? Titration { get; }

    // The models below hold no state of a patient's, so every admission under the plan shares them.
    internal SideEffectModel SideEffects { get; }

    internal VitalsModel Vitals { get; }

    internal AlarmEvaluator Alarms { get; }

    internal IReadOnlyList<PainMeasure> AssessmentMeasures { get; }

    internal OutcomeTimes OutcomeTimes { get; }

    internal IReadOnlyList<CoMedication> CoMedications { get; }

    /// <summary>Per medication, the side effects that trigger it.</summary>
    internal SideEffectKind[][] CoMedicationTriggers { get; }

    /// <summary>The session length (1 h for a continuous infusion), for rate units per session.</summary>
    internal double SessionH { get; }

    /// <summary>The pump programme's drug and bag; each patient's limits go with it (see <see cref="Admission.PumpProgrammeFor"/>).</summary>
    internal Pump.PumpProgramme PumpBag { get; }

    /// <summary>The early-discharge reason of the severe-side-effects rule, if the protocol has one (made once, not at each discharge).</summary>
    internal string? SevereSideEffectsReason { get; }

    /// <summary>Bit i: alarm rule i is one the raise rule names (an alarm since the last review holds a raise).</summary>
    internal int AlarmsHoldingRaise { get; }
}
