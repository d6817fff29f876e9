using WardTwin.Model.Outcomes;
using WardTwin.Model.Pk;

namespace WardTwin.Model.Simulation;

/// <summary>
/// What a cohort's walks reuse from one patient to the next instead of allocating it again: the admission (with its PK/PD
/// system and state, tracker, pump and records), and a horizon's days, later courses and aftermath. One walk at a time: a
/// runner hands each thread its own (see <see cref="CohortRunner"/>), so no two walks ever share one. What a walk returns
/// is always a new outcome, never held here, so callers may keep it; its grade and alarm arrays are shared, never-written
/// values (<see cref="SharedOutcomeArrays"/>).
/// </summary>
internal sealed class AdmissionWorkspace
{
    private readonly SharedOutcomeArrays _shared = new();
    private Admission? _admission;
    private HorizonDays? _days;

    /// <summary>A horizon's later courses, emptied by each walk that uses them.</summary>
    public List<(double StartH, bool Booster, AdmissionOutcome Outcome)> LaterCourses { get; } = [];

    /// <summary>The last course's aftermath, reused for the next course's (a horizon's).</summary>
    public CourseAftermath? Aftermath { get; set; }

    /// <summary>The workspace's admission, walking <paramref name="patient"/> from the start (the one before is gone).</summary>
    public Admission Admit(ProtocolPlan plan, VirtualPatient patient, PkPdSnapshot? carried = null)
    {
        if (_admission is null)
        {
            _admission = new Admission(plan, patient, carried: carried) { SharedArrays = _shared };
        }
        else
        {
            _admission.Restart(plan, patient, carried);
        }

        return _admission;
    }

    /// <summary>A horizon's days, all without a score yet.</summary>
    public HorizonDays Days(double years)
    {
        if (_days is null || !_days.Fits(years))
        {
            _days = new HorizonDays(years);
        }
        else
        {
            _days.Reset();
        }

        return _days;
    }
}
