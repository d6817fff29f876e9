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

    public AdmissionOutcome Run(VirtualPatient patient)
    {
        double horizonH = _settings.Years * Discounting.DaysPerYear * 24;
        var days = new HorizonDays(_settings.Years);
        var uptake = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.Retreatment);
        var course = new Admission(_plan, patient);
        var first = course.RunToEnd();
        var o = first;
        int t0 = first.NrsT0;
        double startH = 0;
        int lastScore = t0;
        var later = new List<(double StartH, bool Booster, AdmissionOutcome Outcome)>();
        while (true)
        {
            lastScore = days.Treatment(startH, o, lastScore);
            var after = course.Aftermath();
            var (nextH, booster) = FollowUp(after, startH, horizonH, t0, o, later.Count + 1, days, ref uptake, ref lastScore);
            if (nextH is not { } next || startH + next >= horizonH)
            {
                break;
            }

            var coursePatient = patient with { Seed = (long)SeededRandom.Key(patient.Seed, patient.Index, ((ulong)StreamPurpose.Retreatment << 16) | (uint)later.Count) };
            course = new Admission(booster ? _booster! : _plan, coursePatient, carried: after.HandOverAt(next));
            o = course.RunToEnd();
            startH += next;
            later.Add((startH, booster, o));
        }

        return first with { Horizon = Summarise(first, later, days) };
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
        var all = later.Select(l => (l.StartH, l.Booster, l.Outcome)).Prepend((0.0, false, first)).ToList();
        double bedDays = 0, chairHours = 0, sideEffectLoss = 0, sideEffectLossDiscounted = 0;
        int boosterSessions = 0;
        foreach (var (startH, booster, o) in all)
        {
            var protocol = booster ? _booster!.Protocol : _plan.Protocol;
            bedDays += o.BedDays;
            chairHours += o.DayCareSessions * (protocol.Schedule.SessionH ?? 0);
            boosterSessions += booster ? Math.Max(o.DayCareSessions, 1) : 0;
            double loss = SideEffectDays(o) / Discounting.DaysPerYear;
            sideEffectLoss += loss;
            sideEffectLossDiscounted += loss * Discounting.Factor(_settings.EffectDiscountRate, startH / 24 / Discounting.DaysPerYear);
        }

        var (qalys, discounted) = days.Qalys(_utility, _settings.EffectDiscountRate);
        return new HorizonOutcome(_settings.Years, _settings.Utility == UtilityMap.Dixon ? "dixon-2011" : "linear", all.Count, later.Count(l => l.Booster), boosterSessions, bedDays, chairHours,
            qalys - sideEffectLoss, discounted - sideEffectLossDiscounted,
            [.. later.Select(l => l.StartH / 24 / Discounting.DaysPerYear)], [.. later.Select(l => l.Booster)], [.. later.Select(l => l.Outcome)]);
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
