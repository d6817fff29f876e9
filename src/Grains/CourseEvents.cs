using WardTwin.Model.Parameters;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>A walk's typed log as a course's events, in ward hours, each with who did it (the ward on its own, the trainee, the scenario, the patient's course).</summary>
internal static class CourseEvents
{
    public static IReadOnlyList<CourseEvent> From(IReadOnlyList<AdmissionEvent> log, double admittedAtH) =>
        log.Select(e => Map(e, admittedAtH + e.TimeH)).OfType<CourseEvent>().ToArray();

    private static CourseEvent? Map(AdmissionEvent e, double t) => e switch
    {
        ReviewDueEvent r => new CourseEvent(t, CourseEventKind.ReviewDue, r.Detail, FromMgPerH: r.FromMgPerH, ToMgPerH: r.ToMgPerH, Decision: r.Action.ToString().ToLowerInvariant(), Reason: r.Reason,
            By: CourseActor.Patient, Nrs: r.Nrs, NoticedRelief: r.Seen.NoticedRelief,
            SinceReviewSideEffect: r.Seen.WorstKindSinceLastReview is { } k ? SideEffectKinds.Name(k) : null, SinceReviewGrade: (int)r.Seen.WorstSinceLastReview,
            AlarmsSinceReview: [.. r.Seen.AlarmsSinceLastReview]),
        TitrationEvent x => new CourseEvent(t, CourseEventKind.Titration, x.Detail, Decision: x.Action.ToString().ToLowerInvariant(), By: CourseActor.Ward, Nrs: x.Nrs),
        SideEffectChangeEvent s => new CourseEvent(t, CourseEventKind.SideEffect, s.Detail, SideEffectKinds.Name(s.SideEffect), (int)s.Grade, By: CourseActor.Patient),
        PumpAlertEvent p => new CourseEvent(t, CourseEventKind.PumpAlarm, p.Detail, PumpAlarm: p.Cause switch
        {
            PumpEventKind.NearEmpty => "near-empty",
            PumpEventKind.Empty => "empty",
            PumpEventKind.Occlusion => "occluded",
            PumpEventKind.VolumeToBeInfused => "volume-reached",
            _ => null,
        }, NewBagHung: p.NewBagHung, By: CourseActor.Ward),
        InjectedEvent i => new CourseEvent(t, CourseEventKind.Injected, i.Detail, By: CourseActor.Scenario),
        CoMedicationEvent c => new CourseEvent(t, CourseEventKind.CoMedication, c.Detail, By: c.ByHand ? CourseActor.Trainee : CourseActor.Ward),
        InterventionEvent v => new CourseEvent(t, CourseEventKind.CoMedication, v.Detail, By: CourseActor.Trainee), // flumazenil, ondansetron, oxygen: given at the bed like co-medication, only ever by hand
        PumpHandEvent h => new CourseEvent(t, CourseEventKind.PumpByHand, h.Detail, By: CourseActor.Trainee),
        DischargeEvent d => new CourseEvent(t, CourseEventKind.Discharge, d.Detail, By: d.ByHand ? CourseActor.Trainee : CourseActor.Ward),
        _ => null,
    };
}
