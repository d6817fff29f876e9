namespace WardTwin.Grains;

/// <summary>
/// A patient: owns the admission walk (PK/PD, pain, side effects, the protocol's care plan and the pump
/// at the bed). Everything done to the patient by hand is journalled and stored, so a new activation
/// replays it to the same state.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    Task AdmitAsync(PatientAdmission admission);

    /// <summary>Handles every event up to this ward time (reviews, assessments, pump events); the ward's clock goes on to the monitor.</summary>
    Task<PatientTick> AdvanceToAsync(double wardTimeH, WardClockView clock);

    /// <summary>The monitor woke up (moved, or idle too long): send it the truth curve and clock again.</summary>
    [Orleans.Concurrency.OneWay]
    Task RefreshMonitorAsync();

    Task<PatientSnapshot> GetSnapshotAsync();

    /// <summary>The chart history (at most a few hundred points: older stretches thin out as it grows).</summary>
    Task<IReadOnlyList<PatientHistoryPoint>> GetHistoryAsync();

    /// <summary>Midazolam by hand; refused outside the parameter file's dose range and after discharge.</summary>
    Task GiveMidazolamAsync(double doseMg);

    /// <summary>Flumazenil, ondansetron or midazolam by hand, or nasal oxygen (0 = off); refused outside the parameter file's range and after discharge.</summary>
    Task GiveAsync(InterventionInput intervention);

    /// <summary>The ward discharges the patient before the protocol's end: the pump stops; later keys and doses are refused.</summary>
    Task DischargeAsync(string reason);

    /// <summary>A key pressed on this patient's pump (the pump grain forwards its keys here).</summary>
    Task<PumpReply> OperatePumpAsync(PumpKeyPress press);

    Task<PumpView> GetPumpViewAsync();

    /// <summary>An event from outside the protocol (a scenario's or an instructor's), journalled like a key pressed.</summary>
    Task InjectAsync(InjectionInput injection);

    /// <summary>The state now without a replay (scenario conditions poll it).</summary>
    Task<PatientStateNow> GetStateNowAsync();

    /// <summary>The course's events so far (a replay), each with who did it: the trainee page's log of medication, pump and the ward's own actions.</summary>
    Task<IReadOnlyList<CourseEvent>> GetEventsAsync();

    /// <summary>
    /// The course replayed for a score and a debrief, with the protocol's own course beside it, up to the ward's time
    /// <paramref name="atWardH"/> when given (a patient just reactivated stands at its last input until the ward's next tick).
    /// </summary>
    Task<PatientCourse> GetCourseAsync(double? atWardH = null, IReadOnlyList<double>? moments = null);
}
