using System.Text.RegularExpressions;
using WardTwin.Model.Data;

namespace WardTwin.Model.Protocols;

/// <summary>Checks what JSON alone cannot: schedule shape, units, limits against the start rate, rule consistency.</summary>
public static partial class ProtocolValidator
{
    private const double ReferenceWeightKg = 70;

    public static void Validate(Protocol p, string file)
    {
        void Fail(string field, string reason) => throw new DataFileException(file, field, reason);

        if (!IdPattern().IsMatch(p.Id))
        {
            Fail("id", $"'{p.Id}' must be lower-case letters, digits, '.', '_' or '-' (it names the output folder)");
        }

        if (p.Retreatment is { } r && (r.MaxCourses < 1 || (r.Policy == RetreatmentPolicy.Booster && r.EveryWeeks is not > 0)
            || r.BoosterSessions is < 1 || r.BoosterDurationH is <= 0))
        {
            Fail("retreatment", "max_courses must be >= 1; a booster policy needs every_weeks > 0; booster_sessions >= 1 and booster_duration_h > 0 when given");
        }

        var s = p.Schedule;
        double sessionH = 1;
        if (s.Kind == ScheduleKind.Continuous)
        {
            if (s.DurationH is not > 0)
            {
                Fail("schedule.duration_h", "a continuous schedule needs a duration in hours > 0");
            }
        }
        else
        {
            if (s.SessionH is not > 0)
            {
                Fail("schedule.session_h", "a session schedule needs session_h > 0");
            }

            if (s.Sessions is not >= 1)
            {
                Fail("schedule.sessions", "a session schedule needs at least 1 session");
            }

            if (s.EveryDays <= 0)
            {
                Fail("schedule.every_days", "must be > 0");
            }

            sessionH = s.SessionH!.Value;
        }

        if (RateUnits.IsPerSession(p.Rate.Unit) && s.Kind != ScheduleKind.Sessions)
        {
            Fail("rate.unit", $"{RateUnits.Symbol(p.Rate.Unit)} needs a session schedule");
        }

        if (p.Rate.Start < 0 || !double.IsFinite(p.Rate.Start))
        {
            Fail("rate.start", "must be a finite number >= 0");
        }

        double Mg(RateQuantity q) => q.ToMgPerHour(ReferenceWeightKg, sessionH);
        double start = RateUnits.ToMgPerHour(p.Rate.Start, p.Rate.Unit, ReferenceWeightKg, sessionH);
        double hard = Mg(p.Limits.HardMax);
        if (p.Limits.HardMax.Value <= 0)
        {
            Fail("limits.hard_max.value", "must be > 0");
        }

        if (start > hard + 1e-9)
        {
            Fail("rate.start", $"{p.Rate.Start} {RateUnits.Symbol(p.Rate.Unit)} ({start:0.##} mg/h at 70 kg) breaks the hard limit {p.Limits.HardMax} ({hard:0.##} mg/h)");
        }

        if (p.Limits.SoftMax is { } soft && Mg(soft) > hard + 1e-9)
        {
            Fail("limits.soft_max", $"{soft} is above the hard limit {p.Limits.HardMax}");
        }

        if (!ClockTime.TryParseHours(p.StartOrDefault.Clock, out _))
        {
            Fail("start.clock", $"'{p.StartOrDefault.Clock}' is not a clock time HH:mm");
        }

        ValidateAssessments(p, Fail);
        if (p.Titration is { } t)
        {
            ValidateTitration(p, t, hard, sessionH, Fail);
        }

        var meds = p.CoMedicationOrEmpty;
        for (int i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            if (m.Probability is < 0 or > 1)
            {
                Fail($"co_medication[{i}].probability", "must be within 0..1");
            }

            if (m.DoseMg <= 0)
            {
                Fail($"co_medication[{i}].dose_mg", "must be > 0");
            }

            if (m.When == CoMedicationWhen.Every && m.EveryH is not > 0)
            {
                Fail($"co_medication[{i}].every_h", "'every' needs every_h > 0");
            }

            if (m.When == CoMedicationWhen.EachSession && s.Kind != ScheduleKind.Sessions)
            {
                Fail($"co_medication[{i}].when", "'each-session' needs a session schedule");
            }

            if (m.When == CoMedicationWhen.OnSideEffect)
            {
                if (m.SideEffects is not { Count: > 0 })
                {
                    Fail($"co_medication[{i}].side_effects", "'on-side-effect' needs the side effects that trigger it");
                }

                foreach (var name in m.SideEffects!)
                {
                    if (!Parameters.SideEffectKinds.TryParse(name, out _))
                    {
                        Fail($"co_medication[{i}].side_effects", $"unknown side effect '{name}'");
                    }
                }
            }
        }

        if (p.Bag is { } bag && (bag.VolumeMl is <= 0 || bag.ConcentrationMgPerMl is <= 0))
        {
            Fail("bag", "volume_ml and concentration_mg_per_ml must be > 0");
        }

        var o = p.OutcomesOrDefault;
        if (o.T1AfterEndH < 0 || o.FollowUpVisits < 0)
        {
            Fail("outcomes", "t1_after_end_h must be >= 0 and follow_up_visits >= 0");
        }

        if (o.T2.Problem() is { } t2)
        {
            Fail("outcomes.t2_weeks_after_end", t2);
        }

        if (o.FollowUpHorizonWeeks is < 1 or > 520)
        {
            Fail("outcomes.follow_up_horizon_weeks", $"must be 1..520 weeks, is {o.FollowUpHorizonWeeks}");
        }

        if (p.EarlyDischarge is { } ed && (ed.RequestPerDay is < 0 or > 1 || ed.SevereSideEffectH is <= 0))
        {
            Fail("early_discharge", "request_per_day must be within 0..1 and severe_side_effect_h > 0");
        }
    }

    private static void ValidateAssessments(Protocol p, Action<string, string> fail)
    {
        var a = p.Assessments;
        if (a.BeforeEachSession == (a.DailyClock is not null))
        {
            fail("assessments", "give exactly one of daily_clock or before_each_session");
        }

        if (a.DailyClock is not null && !ClockTime.TryParseHours(a.DailyClock, out _))
        {
            fail("assessments.daily_clock", $"'{a.DailyClock}' is not a clock time HH:mm");
        }

        if (a.BeforeEachSession && p.Schedule.Kind != ScheduleKind.Sessions)
        {
            fail("assessments.before_each_session", "needs a session schedule");
        }

        if (a.Measures is { Count: 0 })
        {
            fail("assessments.measures", "is empty: name at least one of current, worst_24h (or leave it out: current)");
        }

        if (a.Measures is { } m && m.Distinct().Count() != m.Count)
        {
            fail("assessments.measures", "names a pain measure twice");
        }
    }

    private static void ValidateTitration(Protocol p, Titration t, double hardMgPerH, double sessionH, Action<string, string> fail)
    {
        var r = t.Reviews;
        int kinds = (r.ClockTimes is { Count: > 0 } ? 1 : 0) + (r.EveryH is not null ? 1 : 0) + (r.BeforeEachSession ? 1 : 0);
        if (kinds != 1)
        {
            fail("titration.reviews", "give exactly one of clock_times, every_h or before_each_session");
        }

        foreach (var c in r.ClockTimes ?? [])
        {
            if (!ClockTime.TryParseHours(c, out _))
            {
                fail("titration.reviews.clock_times", $"'{c}' is not a clock time HH:mm");
            }
        }

        if (r.EveryH is <= 0)
        {
            fail("titration.reviews.every_h", "must be > 0");
        }

        if (r.BeforeEachSession && p.Schedule.Kind != ScheduleKind.Sessions)
        {
            fail("titration.reviews.before_each_session", "needs a session schedule");
        }

        if (t.Raise is { } raise)
        {
            bool steps = raise.Steps is { Count: > 0 };
            bool linear = raise.LinearTo is not null;
            if (steps == linear)
            {
                fail("titration.raise", "give either steps or linear_to with linear_reviews");
            }

            if (linear && raise.LinearReviews is not >= 1)
            {
                fail("titration.raise.linear_reviews", "linear_to needs linear_reviews >= 1");
            }

            if (steps && raise.Steps!.Any(x => x.By <= 0))
            {
                fail("titration.raise.steps", "every step must raise by > 0");
            }
        }

        if (t.Lower is { By: <= 0 })
        {
            fail("titration.lower.by", "must be > 0");
        }

        if (t.Cap is { } cap && RateUnits.ToMgPerHour(cap, p.Rate.Unit, ReferenceWeightKg, sessionH) > hardMgPerH + 1e-9)
        {
            fail("titration.cap", $"{cap} {RateUnits.Symbol(p.Rate.Unit)} is above the hard limit {p.Limits.HardMax}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
