using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>
/// The protocol's schedule laid out in hours from the first infusion: infusions, reviews, assessments,
/// scheduled co-medication, day starts and nursing observations. Times do not depend on the patient's
/// course, so they are computed once; early discharge simply stops the walk.
/// </summary>
public static class Timeline
{
    public static IReadOnlyList<(double StartH, double EndH)> Infusions(Protocol p)
    {
        var s = p.Schedule;
        if (s.Kind == ScheduleKind.Continuous)
        {
            return [(0, s.DurationH!.Value)];
        }

        var list = new List<(double, double)>(s.Sessions!.Value);
        double day = 0;
        var weekday0 = p.StartOrDefault.Weekday;
        for (int i = 0; i < s.Sessions.Value; i++)
        {
            while (s.WeekdaysOnly && IsWeekend(weekday0, day))
            {
                day += 1;
            }

            list.Add((day * 24, (day * 24) + s.SessionH!.Value));
            day += s.EveryDays;
        }

        return list;
    }

    public static List<TimelineEvent> Treatment(Protocol p, SimulationParameters sim)
    {
        var infusions = Infusions(p);
        double end = infusions[^1].EndH;
        double startClock = ClockTime.ParseHours(p.StartOrDefault.Clock);
        var events = new List<TimelineEvent>(256);

        for (int d = 0; d * 24 < end; d++)
        {
            events.Add(new(d * 24, TimelineEventKind.DayStart, d));
        }

        for (int i = 0; i < infusions.Count; i++)
        {
            var (a, b) = infusions[i];
            events.Add(new(a, TimelineEventKind.InfusionStart, i));
            events.Add(new(b, TimelineEventKind.InfusionStop, i));
            for (double obs = a + sim.ObservationIntervalH; obs < b - 1e-9; obs += sim.ObservationIntervalH)
            {
                events.Add(new(obs, TimelineEventKind.Observation));
            }

            events.Add(new(b, TimelineEventKind.Observation));
            if (sim.ObserveAfterStopH > 0 && i < infusions.Count - 1)
            {
                events.Add(new(b + sim.ObserveAfterStopH, TimelineEventKind.Observation));
            }
        }

        if (p.Titration is { } t)
        {
            foreach (double r in ReviewTimes(t.Reviews, infusions, startClock, end))
            {
                events.Add(new(r, TimelineEventKind.Review));
            }
        }

        var a0 = p.Assessments;
        if (a0.BeforeEachSession)
        {
            for (int i = 0; i < infusions.Count; i++)
            {
                events.Add(new(infusions[i].StartH, TimelineEventKind.Assessment, i + 1));
            }
        }
        else
        {
            int k = 1;
            foreach (double at in DailyAt(ClockTime.ParseHours(a0.DailyClock!), startClock, end, includeZero: true))
            {
                events.Add(new(at, TimelineEventKind.Assessment, k++));
            }
        }

        var meds = p.CoMedicationOrEmpty;
        for (int m = 0; m < meds.Count; m++)
        {
            switch (meds[m].When)
            {
                case CoMedicationWhen.AtStart:
                    events.Add(new(0, TimelineEventKind.CoMedication, m));
                    break;
                case CoMedicationWhen.EachSession:
                    foreach (var (a, _) in infusions)
                    {
                        events.Add(new(a, TimelineEventKind.CoMedication, m));
                    }

                    break;
                case CoMedicationWhen.Every:
                    for (double at = 0; at < end; at += meds[m].EveryH!.Value)
                    {
                        events.Add(new(at, TimelineEventKind.CoMedication, m));
                    }

                    break;
            }
        }

        events.Add(new(end, TimelineEventKind.TreatmentEnd));
        events.Sort();
        return events;
    }

    /// <summary>T1, the weekly follow-up scores (mid-week, to the protocol's horizon) and the patient's own T2.</summary>
    public static List<TimelineEvent> AfterTreatment(OutcomeTimes o, double endH, double t2WeeksAfterEnd)
    {
        var events = new List<TimelineEvent>(o.FollowUpHorizonWeeks + 2);
        AfterTreatment(o, endH, t2WeeksAfterEnd, events);
        return events;
    }

    /// <summary>The same, into a list the caller reuses (emptied first): a cohort's runner keeps one per thread.</summary>
    internal static void AfterTreatment(OutcomeTimes o, double endH, double t2WeeksAfterEnd, List<TimelineEvent> events)
    {
        int weeks = o.FollowUpHorizonWeeks;
        events.Clear();
        events.Add(new(endH + o.T1AfterEndH, TimelineEventKind.T1));
        for (int w = 1; w <= weeks; w++)
        {
            events.Add(new(endH + ((w - 0.5) * 7 * 24), TimelineEventKind.WeeklyAfter, w));
        }

        events.Add(new(endH + (t2WeeksAfterEnd * 7 * 24), TimelineEventKind.T2));
        events.Sort();
    }

    private static IEnumerable<double> ReviewTimes(ReviewTimes r, IReadOnlyList<(double StartH, double EndH)> infusions, double startClock, double end)
    {
        if (r.BeforeEachSession)
        {
            return infusions.Skip(1).Select(i => i.StartH);
        }

        if (r.EveryH is { } every)
        {
            var list = new List<double>();
            double last = r.LastH ?? double.PositiveInfinity;
            for (double t = r.FirstH ?? every; t < end - 1e-9 && t <= last + 1e-9; t += every)
            {
                list.Add(t);
            }

            return list;
        }

        return r.ClockTimes!
            .SelectMany(c => DailyAt(ClockTime.ParseHours(c), startClock, end, includeZero: false))
            .Order();
    }

    private static IEnumerable<double> DailyAt(double clock, double startClock, double end, bool includeZero)
    {
        double first = clock - startClock;
        while (first < 0 || (!includeZero && first == 0))
        {
            first += 24;
        }

        for (double t = first; t < end - 1e-9; t += 24)
        {
            yield return t;
        }
    }

    private static bool IsWeekend(DayOfWeek start, double day)
    {
        var d = (DayOfWeek)(((int)start + (int)Math.Floor(day)) % 7);
        return d is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }
}
