using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Simulation;

/// <summary>
/// A patient followed for years: the first course exactly as a one-course cohort runs it (calibration does not move), then
/// weekly scores from the course's own aftermath; relief that came (two points below baseline at T1 or any week) and went
/// (back within the loss margin of baseline) is retreated per the protocol's <see cref="Retreatment"/>, and the next course
/// starts from the PK/PD state the last one left, so its slow effect site is not at zero. Each later course has its own
/// random streams (a new seed drawn from the patient's), so its side effects and scores are not the first one's again.
/// </summary>
public sealed class HorizonWalk
{
    private const double HoursPerWeek = 7 * 24;
    private readonly ProtocolPlan _plan;
    private readonly ProtocolPlan? _booster;
    private readonly HorizonSettings _settings;
    private readonly HorizonParameters _h;
    private readonly Retreatment _rule;
    private readonly NrsUtility _utility;

    public HorizonWalk(ProtocolPlan plan, HorizonSettings settings)
    {
        _plan = plan;
        _settings = settings;
        _h = plan.Parameters.Horizon;
        _rule = plan.Protocol.RetreatmentOrNone;
        _utility = new NrsUtility(_h, settings.Utility);
        _booster = _rule.Policy == RetreatmentPolicy.Booster ? new ProtocolPlan(_rule.Booster(plan.Protocol), plan.Parameters) : null;
    }

    public AdmissionOutcome Run(VirtualPatient patient) => Run(patient, new AdmissionWorkspace());

    /// <summary>The same walk in a workspace of the caller's thread, whose admission, days and lists it reuses.</summary>
    internal AdmissionOutcome Run(VirtualPatient patient, AdmissionWorkspace workspace)
    {
        double horizonH = _settings.Years * Discounting.DaysPerYear * 24;
        var days = workspace.Days(_settings.Years);
        var uptake = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Retreatment);
        var course = workspace.Admit(_plan, patient);
        var first = course.RunToEnd();
        var o = first;
        int t0 = first.NrsT0;
        double startH = 0;
        int lastScore = t0;
        var later = workspace.LaterCourses;
        later.Clear();
        while (true)
        {
            lastScore = days.Treatment(startH, o, lastScore);
            var after = course.Aftermath(workspace.Aftermath);
            workspace.Aftermath = after;
            var (nextH, booster) = FollowUp(after, startH, horizonH, t0, o, later.Count + 1, days, ref uptake, ref lastScore);
            if (nextH is not { } next || startH + next >= horizonH)
            {
                break;
            }

            var coursePatient = patient with { Seed = (long)SeededRandom.Key(patient.Seed, patient.Index, ((ulong)StreamPurpose.Retreatment << 16) | (uint)later.Count) };
            course = workspace.Admit(booster ? _booster! : _plan, coursePatient, after.HandOverAt(next));
            o = course.RunToEnd();
            startH += next;
            later.Add((startH, booster, o));
        }

        var horizon = Summarise(first, later, days);
        later.Clear();
        return first with { Horizon = horizon };
    }

    /// <summary>Weekly scores after a course until the horizon or the next course; returns when that course starts (the course's hours) and whether it is a booster.</summary>
    private (double? NextH, bool Booster) FollowUp(CourseAftermath after, double startH, double horizonH, int t0, AdmissionOutcome o, int courses, HorizonDays days,
        ref SeededRandom uptake, ref int lastScore)
    {
        bool mayRetreat = _rule.Policy != RetreatmentPolicy.None && courses < _rule.MaxCourses;
        bool relieved = o.ResponderT1TwoPoints; // every course shares the patient's baseline T0
        double? next = null;
        bool booster = false;
        for (int w = 1; ; w++)
        {
            double weekStart = after.EndH + ((w - 1) * HoursPerWeek);
            if (startH + weekStart >= horizonH || (next is { } n && weekStart >= n))
            {
                return (next, booster);
            }

            int score = after.ScoreAt(weekStart + (HoursPerWeek / 2));
            days.Score(startH + weekStart, score);
            lastScore = score;
            if (!mayRetreat || next is not null)
            {
                continue;
            }

            relieved |= t0 - score >= 2;
            if (relieved && score >= t0 - _h.LossMarginNrs)
            {
                // Relief lost: another course if the patient takes it up, after the wait for one; otherwise no more courses.
                mayRetreat = false;
                if (uptake.NextDouble() < _h.RetreatmentUptake)
                {
                    next = weekStart + HoursPerWeek + (_h.RetreatmentWaitWeeks * HoursPerWeek);
                }
            }
            else if (relieved && _booster is not null && _rule.EveryWeeks is { } every && w == (int)Math.Ceiling(every))
            {
                next = after.EndH + (every * HoursPerWeek);
                booster = true;
            }
        }
    }

    private HorizonOutcome Summarise(AdmissionOutcome first, List<(double StartH, bool Booster, AdmissionOutcome Outcome)> later, HorizonDays days)
    {
        // Every course in order, the first at 0 h: sums in the same order as ever, so the figures keep every bit.
        var sums = default(CourseSums);
        Add(ref sums, 0.0, false, first);
        int boosterCourses = 0;
        var startYears = later.Count == 0 ? [] : new double[later.Count];
        var isBooster = later.Count == 0 ? [] : new bool[later.Count];
        var outcomes = later.Count == 0 ? [] : new AdmissionOutcome[later.Count];
        for (int i = 0; i < later.Count; i++)
        {
            var (startH, booster, o) = later[i];
            Add(ref sums, startH, booster, o);
            boosterCourses += booster ? 1 : 0;
            startYears[i] = startH / 24 / Discounting.DaysPerYear;
            isBooster[i] = booster;
            outcomes[i] = o;
        }

        var (qalys, discounted) = days.Qalys(_utility, _settings.EffectDiscountRate);
        return new HorizonOutcome(_settings.Years, _settings.Utility == UtilityMap.Dixon ? "dixon-2011" : "linear", later.Count + 1, boosterCourses, sums.BoosterSessions, sums.BedDays, sums.ChairHours,
            qalys - sums.SideEffectLoss, discounted - sums.SideEffectLossDiscounted, startYears, isBooster, outcomes);
    }

    /// <summary>What the courses held and cost in utility, summed course by course.</summary>
    private struct CourseSums
    {
        public double BedDays, ChairHours, SideEffectLoss, SideEffectLossDiscounted;
        public int BoosterSessions;
    }

    private void Add(ref CourseSums sums, double startH, bool booster, AdmissionOutcome o)
    {
        var protocol = booster ? _booster!.Protocol : _plan.Protocol;
        sums.BedDays += o.BedDays;
        sums.ChairHours += o.DayCareSessions * (protocol.Schedule.SessionH ?? 0);
        sums.BoosterSessions += booster ? Math.Max(o.DayCareSessions, 1) : 0;
        double loss = SideEffectDays(o) / Discounting.DaysPerYear;
        sums.SideEffectLoss += loss;
        sums.SideEffectLossDiscounted += loss * Discounting.Factor(_settings.EffectDiscountRate, startH / 24 / Discounting.DaysPerYear);
    }

    /// <summary>
    /// Utility-days lost to side effects in a course: nausea (sourced) and psychotomimetic effects (assumed) on every day of
    /// treatment they occurred in the course (inpatient days, or session days): the walk keeps the worst grade, not each day's.
    /// </summary>
    private double SideEffectDays(AdmissionOutcome o)
    {
        double treatmentDays = o.DayCareSessions > 0 ? o.DayCareSessions : Math.Ceiling(o.TreatmentH / 24);
        double perDay = (o.WorstSideEffects[(int)SideEffectKind.Nausea] > SideEffectGrade.None ? _h.NauseaDisutility : 0)
            + (o.WorstSideEffects[(int)SideEffectKind.Psychotomimetic] > SideEffectGrade.None ? _h.PsychotomimeticDisutility : 0);
        return perDay * treatmentDays;
    }
}
