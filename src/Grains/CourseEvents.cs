using WardTwin.Model.Parameters;
using WardTwin.Model.Pump;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>A walk's typed log as a course's events, in ward hours.</summary>
internal static class CourseEvents
{
    public static IReadOnlyList<CourseEvent> From(IReadOnlyList<AdmissionEvent> log, double admittedAtH) =>
        log.Select(e => Map(e, admittedAtH + e.TimeH)).OfType<CourseEvent>().ToArray();

    private static CourseEvent? Map(AdmissionEvent e, double t) => e switch
    {
        ReviewDueEvent r => new CourseEvent(t, CourseEventKind.ReviewDue, r.Detail, FromMgPerH: r.FromMgPerH, ToMgPerH: r.ToMgPerH, Decision: r.Action.ToString().ToLowerInvariant(), Reason: r.Reason),
        TitrationEvent x => new CourseEvent(t, CourseEventKind.Titration, x.Detail, Decision: x.Action.ToString().ToLowerInvariant()),
        SideEffectChangeEvent s => new CourseEvent(t, CourseEventKind.SideEffect, s.Detail, SideEffectKinds.Name(s.SideEffect), (int)s.Grade),
        PumpAlertEvent p => new CourseEvent(t, CourseEventKind.PumpAlarm, p.Detail, PumpAlarm: p.Cause switch
        {
            PumpEventKind.NearEmpty => "near-empty",
            PumpEventKind.Empty => "empty",
            PumpEventKind.Occlusion => "occluded",
            PumpEventKind.VolumeToBeInfused => "volume-reached",
            _ => null,
        }, NewBagHung: p.NewBagHung),
        InjectedEvent i => new CourseEvent(t, CourseEventKind.Injected, i.Detail),
        CoMedicationEvent c => new CourseEvent(t, CourseEventKind.CoMedication, c.Detail),
        InterventionEvent v => new CourseEvent(t, CourseEventKind.CoMedication, v.Detail), // flumazenil, ondansetron, oxygen: given at the bed like co-medication
        PumpHandEvent h => new CourseEvent(t, CourseEventKind.PumpByHand, h.Detail),
        DischargeEvent d => new CourseEvent(t, CourseEventKind.Discharge, d.Detail),
        _ => null,
    };
}
