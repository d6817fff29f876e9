using MathNet.Numerics.Distributions;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Capacity;

/// <summary>
/// The capacity question for one protocol, in event time: Poisson arrivals over the years asked, each arrival a virtual
/// patient whose own course (the reference engine's walk: stay, early discharge, sessions) sets how long it holds a
/// bed or on which days it needs a chair; beds admit at the protocol's start time on open days, chairs hold sessions
/// on open days only. Replications differ in their arrivals and patients; the same replication is the same for every
/// capacity tried (common random numbers), so "how many beds for a 4-week wait" compares like with like.
/// </summary>
public sealed class CapacitySimulation(Protocol protocol, CohortRunner runner, CapacityQuestion question)
{
    private const double HoursPerYear = 24 * 365;
    private readonly double _startClockH = ClockTime.ParseHours(protocol.StartOrDefault.Clock);
    private readonly Dictionary<int, IReadOnlyList<int>> _sessionDays = [];

    public string Resource => protocol.IsInpatient ? "beds" : "chairs";

    public CapacityResult Run()
    {
        int capacity = protocol.IsInpatient ? question.Beds : question.Chairs;
        var courses = Enumerable.Range(0, question.Replications).Select(Courses).ToArray();
        var stats = courses.Select((c, r) => Replicate(r, c, capacity)).ToArray();
        // The smallest capacity whose mean wait, and whose 90th-centile wait, is within the target. An overloaded
        // capacity never counts: its waits only reflect how long was simulated.
        int? onMean = null, onP90 = null;
        for (int k = 1; k <= 200 && (onMean is null || onP90 is null); k++)
        {
            int kk = k;
            var tried = courses.Select((c, r) => Replicate(r, c, kk)).ToArray();
            if (tried.Average(s => s.OfferedLoad) >= 1)
            {
                continue;
            }

            onMean ??= tried.Average(s => s.MeanWaitDays) <= question.TargetWaitDays ? k : null;
            onP90 ??= tried.Average(s => s.P90WaitDays) <= question.TargetWaitDays ? k : null;
        }

        return new CapacityResult(protocol.Id, Resource, capacity, stats, Summarise(stats), onMean, question.TargetWaitDays, onP90);
    }

    /// <summary>A replication's arrivals (hours) and each arriving patient's course: hours in a bed, or sessions needed.</summary>
    private (double ArrivalH, double StayH, int Sessions)[] Courses(int replication)
    {
        var random = SeededRandom.For(question.Seed, replication, StreamPurpose.CapacityArrivals);
        double meanGapH = HoursPerYear / question.PatientsPerYear;
        var list = new List<(double, double, int)>();
        double t = 0;
        for (int k = 0; ; k++)
        {
            t += -meanGapH * Math.Log(random.NextDouble());
            if (t >= question.Years * HoursPerYear)
            {
                break;
            }

            // Each arrival is its own virtual patient: replication r's k-th is index r·10⁶ + k of the protocol's cohort.
            var outcome = runner.RunOne(question.Seed, (replication * 1_000_000) + k);
            list.Add((t, outcome.TreatmentH, Math.Max(1, outcome.DayCareSessions)));
        }

        return [.. list];
    }

    private ReplicationStats Replicate(int replication, (double ArrivalH, double StayH, int Sessions)[] courses, int capacity)
    {
        double horizonH = question.Years * HoursPerYear;
        if (protocol.IsInpatient)
        {
            var run = FifoServers.Run(capacity, [.. courses.Select(c => (c.ArrivalH, c.StayH))], AdmissionSlot);
            var bedStarts = run.StartsH;
            double busyH = courses.Select((c, i) => Math.Max(0, Math.Min(bedStarts[i] + c.StayH, horizonH) - Math.Min(bedStarts[i], horizonH))).Sum();

            // Offered load: bed-hours the arrivals need over bed-hours there are (admission slots lose a little more,
            // so a load just under 1 can still queue long).
            return Stats(replication, courses, bedStarts, horizonH, busyH / (capacity * horizonH), courses.Sum(c => c.StayH) / (capacity * horizonH));
        }

        int horizonDays = (int)Math.Ceiling(horizonH / 24);
        var chairs = new ChairCalendar(capacity, horizonDays + 400);
        var starts = new double[courses.Length];
        int sessionsInHorizon = 0;
        for (int i = 0; i < courses.Length; i++)
        {
            var c = courses[i];
            int earliest = (int)Math.Ceiling((c.ArrivalH - _startClockH) / 24);
            int? day = chairs.Book(earliest, weekday => SessionDays(weekday).Take(c.Sessions).ToArray(), Open);
            starts[i] = day is { } d ? (d * 24) + _startClockH : double.PositiveInfinity;
            if (day is { } first)
            {
                sessionsInHorizon += SessionDays(first % 7).Take(c.Sessions).Count(o => first + o < horizonDays);
            }
        }

        // Utilisation: sessions held over chair-sessions there are on open days (one a chair a day); offered load:
        // sessions the arrivals need over the same.
        double chairSessions = capacity * (double)Enumerable.Range(0, horizonDays).Count(Open);
        return Stats(replication, courses, starts, horizonH, sessionsInHorizon / chairSessions, courses.Sum(c => c.Sessions) / chairSessions);
    }

    private ReplicationStats Stats(int replication, (double ArrivalH, double StayH, int Sessions)[] courses, double[] starts, double horizonH, double utilisation, double offeredLoad)
    {
        var waitsDays = courses.Select((c, i) => (starts[i] - c.ArrivalH) / 24).Where((_, i) => starts[i] < horizonH).Order().ToArray();
        int stillWaiting = starts.Count(s => s >= horizonH);

        // Little's law on the horizon: time spent waiting (censored at the end) over the time simulated.
        double waitingH = courses.Select((c, i) => Math.Min(starts[i], horizonH) - c.ArrivalH).Sum();
        return new ReplicationStats(replication, courses.Length, waitsDays.Length, stillWaiting,
            waitsDays.Length > 0 ? waitsDays.Average() : 0, Quantile(waitsDays, 0.5), Quantile(waitsDays, 0.9), waitsDays.LastOrDefault(),
            utilisation, waitingH / horizonH, waitsDays.Length / question.Years, offeredLoad);
    }

    /// <summary>The protocol's start time on the first open day at or after t.</summary>
    private double AdmissionSlot(double t)
    {
        int day = (int)Math.Floor(t / 24);
        if ((day * 24) + _startClockH < t - 1e-9)
        {
            day++;
        }

        while (!Open(day))
        {
            day++;
        }

        return (day * 24) + _startClockH;
    }

    /// <summary>Day 0 is a Monday.</summary>
    private bool Open(int day) => question.Opening == Opening.All || day % 7 < 5;

    /// <summary>A course's session days from its first, for a first day on this weekday (0 = Monday), as the protocol lays them out.</summary>
    private IReadOnlyList<int> SessionDays(int weekday)
    {
        if (!_sessionDays.TryGetValue(weekday, out var days))
        {
            var start = protocol.StartOrDefault with { Weekday = (DayOfWeek)((weekday + 1) % 7) };
            days = [.. Timeline.Infusions(protocol with { Start = start }).Select(i => (int)Math.Round(i.StartH / 24))];
            _sessionDays[weekday] = days;
        }

        return days;
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];

    private static Estimate[] Summarise(ReplicationStats[] s)
    {
        Estimate E(string name, string unit, Func<ReplicationStats, double> f)
        {
            var x = s.Select(f).ToArray();
            double mean = x.Average();
            if (x.Length < 2)
            {
                return new Estimate(name, unit, mean, mean, mean);
            }

            double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            double half = StudentT.InvCDF(0, 1, x.Length - 1, 0.975) * sd / Math.Sqrt(x.Length);
            return new Estimate(name, unit, mean, mean - half, mean + half);
        }

        return
        [
            E("mean_wait", "days", r => r.MeanWaitDays),
            E("median_wait", "days", r => r.MedianWaitDays),
            E("p90_wait", "days", r => r.P90WaitDays),
            E("max_wait", "days", r => r.MaxWaitDays),
            E("utilisation", "fraction", r => r.Utilisation),
            E("offered_load", "demand over capacity", r => r.OfferedLoad),
            E("mean_queue", "patients", r => r.MeanQueueLength),
            E("treated_per_year", "patients", r => r.TreatedPerYear),
            E("still_waiting_at_end", "patients", r => r.StillWaitingAtEnd),
        ];
    }
}
