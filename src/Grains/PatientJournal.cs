using WardTwin.Model.Physiology;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>
/// A patient's course from its stored admission and journal of inputs (keys pressed, doses, injected events,
/// discharge): the walk rebuilt by replaying them, and the course a debrief shows beside the protocol's own. The
/// patient grain keeps the journal; this replays it.
/// </summary>
internal static class PatientJournal
{
    /// <param name="observe">Told of each event of the live walk (a replay for a page passes none).</param>
    /// <param name="byProtocol">The protocol's own course (a debrief's comparison): its engine titrates and its nurse hangs the bags.</param>
    public static Admission NewWalk(ModelCatalog catalog, PatientAdmission admission, bool recordEvents, Action<AdmissionEvent>? observe, bool byProtocol = false)
    {
        var (plan, sampler) = DataErrors.Translate(() => catalog.WardPlan(admission.ProtocolId));
        var patient = admission.Overrides.ToModel().Apply(sampler.Sample(admission.Seed, admission.PatientIndex));
        return byProtocol
            ? new Admission(plan, patient, recordEvents, wardNurseHangsBags: true, livePhysiology: true)
            : new Admission(plan, patient, recordEvents, admission.AutoNurse, observe, admission.TraineeTitrates,
                traineeFromH: admission.TraineeFromWardH - admission.AdmittedAtH, traineeCoMedicates: admission.TraineeCoMedicates, livePhysiology: true);
    }

    /// <summary>Replays the journal onto a new walk up to <paramref name="untilWalkH"/>, drawing a chart on the way if given one.</summary>
    public static Admission Replay(Admission walk, PatientAdmission admission, IReadOnlyList<PatientInput> inputs, double untilWalkH, PatientChart? chart)
    {
        foreach (var input in inputs)
        {
            Advance(walk, input.WalkTimeH);
            Apply(walk, input);
            chart?.Remember(admission.AdmittedAtH + walk.ClockH, walk, always: true);
        }

        Advance(walk, untilWalkH);
        return walk;

        void Advance(Admission w, double toH)
        {
            if (chart is null)
            {
                w.AdvanceTo(toH);
            }
            else
            {
                chart.Redraw(admission.AdmittedAtH, w, toH);
            }
        }
    }

    /// <summary>
    /// The trainee's course (replayed with its chart) beside the protocol's own: the same patient, the same injected
    /// events at the same times, everything else left to the protocol.
    /// </summary>
    public static PatientCourse Course(string admissionId, PatientAdmission a, Admission walk, IReadOnlyList<PatientHistoryPoint> chart, Admission protocol, IReadOnlyList<PatientInput> inputs, double untilWalkH)
    {
        var protocolChart = new PatientChart();
        foreach (var input in inputs.Where(i => i.Injection is not null))
        {
            protocolChart.Redraw(a.AdmittedAtH, protocol, input.WalkTimeH);
            protocol.Inject(input.Injection!.ToModel());
            protocolChart.Remember(a.AdmittedAtH + protocol.ClockH, protocol, always: true);
        }

        protocolChart.Redraw(a.AdmittedAtH, protocol, untilWalkH);
        return new PatientCourse(admissionId, a.Bed, CourseEvents.From(walk.Log, a.AdmittedAtH), chart, protocolChart.Points,
            CourseEvents.From(protocol.Log, a.AdmittedAtH), walk.Programme.HardMaxMgPerH);
    }

    public static void Apply(Admission walk, PatientInput input)
    {
        walk.AdvanceTo(input.WalkTimeH);
        if (input.Injection is { } injection)
        {
            walk.Inject(injection.ToModel());
        }
        else if (input.DischargeReason is { } reason)
        {
            walk.Discharge(reason);
        }
        else if (input.MidazolamMg is { } mg)
        {
            walk.GiveMidazolam(mg);
        }
        else if (input.Intervention is { } given)
        {
            walk.Give(ToModel(given));
        }
        else if (input.Pump is { } press)
        {
            walk.Operate(ToAction(press));
        }
    }

    public static PumpAction ToAction(PumpKeyPress press) =>
        Enum.TryParse<PumpActionKind>(press.Key, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? new PumpAction(kind, press.Value, press.ConfirmSoftLimit)
            : throw new ArgumentException($"unknown pump key '{press.Key}' (known: {string.Join(", ", Enum.GetNames<PumpActionKind>())})");

    /// <summary>Midazolam given by hand after <paramref name="fromWalkH"/> (the daily limit counts the last 24 h).</summary>
    public static double MidazolamMgSince(IReadOnlyList<PatientInput> inputs, double fromWalkH) =>
        inputs.Where(i => i.MidazolamMg is not null && i.WalkTimeH > fromWalkH).Sum(i => i.MidazolamMg!.Value);

    public static Intervention ToModel(InterventionInput i) => new(Model.Data.DataJson.ParseEnumName<InterventionKind>(i.Kind, "kind: unknown intervention"), i.Amount);
}
