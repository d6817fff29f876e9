using System.Globalization;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// Scores a trainee from the session's typed record and the scenario's rubric. Each line is checked on every
/// occasion it applies (an alarm, a severe side effect, a review, an empty bag, an event); an occasion whose
/// window is still open at <c>nowH</c> is pending and does not count yet. The score is the weighted share of
/// occasions met over the lines that applied, minus penalties, within 0-100; a critical error makes it 0 and
/// ends the scenario.
/// </summary>
public static class TrainingScorer
{
    /// <param name="fromH">When the trainee took over (a scenario that starts on day 2 was run by the protocol before): earlier occasions do not count.</param>
    public static ScoreCard Score(Scenario scenario, IReadOnlyList<TrainingEntry> record, double nowH, double fromH = 0)
    {
        var entries = record.OrderBy(e => e.SimTimeH).ToArray();
        var actions = entries.OfType<TraineeAction>().ToArray();
        var lines = scenario.Rubric.Select(line => Check(line, entries, actions, nowH, fromH)).ToArray();

        var critical = lines.Where(l => l.Critical && l.Missed > 0)
            .Select(l => (l.Id, At: l.Evidence.Where(e => e.Met == false).Min(e => e.SimTimeH)))
            .OrderBy(c => c.At)
            .FirstOrDefault();
        if (critical.Id is not null)
        {
            return new ScoreCard(0, true, critical.At, critical.Id, lines);
        }

        double weight = lines.Where(l => l.Applies && l.Weight > 0).Sum(l => l.Weight);
        double earned = lines.Where(l => l.Applies && l.Weight > 0).Sum(l => l.Weight * l.Fraction);
        double score = (weight > 0 ? 100 * earned / weight : 100) - lines.Sum(l => l.Penalty);
        return new ScoreCard(Math.Clamp(score, 0, 100), false, null, null, lines);
    }

    private static RubricResult Check(RubricLine line, TrainingEntry[] entries, TraineeAction[] actions, double nowH, double fromH)
    {
        var found = line.Rule switch
        {
            RubricRule.AcknowledgeAlarm => Occasions(line, nowH, entries.OfType<AlarmRaised>().Where(a => line.Priority is null || a.Priority == line.Priority),
                a => $"{a.Alarm} ({a.Priority.ToString().ToLowerInvariant()}) raised",
                a => actions.FirstOrDefault(x => x.Bed == a.Bed && x.Kind == TraineeActionKind.AcknowledgeAlarm && x.Accepted && x.Target == a.Alarm && x.SimTimeH >= a.SimTimeH)),
            RubricRule.LowerRateAfterSevereSideEffect => Occasions(line, nowH, Severe(entries, line.SideEffect),
                s => $"{s.SideEffect} severe",
                s => actions.FirstOrDefault(x => x.Bed == s.Bed && x.Accepted && x.SimTimeH >= s.SimTimeH && Lowers(x))),
            RubricRule.MidazolamFor => Occasions(line, nowH, Severe(entries, line.SideEffect),
                s => $"{s.SideEffect} severe",
                s => actions.FirstOrDefault(x => x.Bed == s.Bed && x.Accepted && x.Kind == TraineeActionKind.Midazolam && x.SimTimeH >= s.SimTimeH)),
            RubricRule.TitrateAtReview => Reviews(line, entries.OfType<ReviewDue>(), actions, nowH),
            RubricRule.ReplaceBag => Occasions(line, nowH, BagOccasions(entries, actions),
                p => p.Kind == PumpAlarmKind.Empty ? "bag empty" : "bag near empty",
                p => actions.FirstOrDefault(x => x.Bed == p.Bed && x.Accepted && x.Kind == TraineeActionKind.ReplaceBag && x.SimTimeH >= p.SimTimeH)),
            RubricRule.AnswerEvent => Occasions(line, nowH, entries.OfType<EventFired>().Where(e => e.EventId == line.Event),
                e => $"event {e.EventId} ({e.Cause.ToString().ToLowerInvariant()})",
                e => actions.FirstOrDefault(x => x.Bed == e.Bed && x.Accepted && x.SimTimeH >= e.SimTimeH)),
            RubricRule.NeverAboveHardLimit => actions.Where(x => x.AboveHardLimit)
                .Select(x => new RubricEvidence(x.Bed, x.SimTimeH, false, $"{x.Trainee} tried {F(x.Value ?? 0)} mg/h, above the hard limit")).ToList(),
            RubricRule.MedicationWithoutIndication => actions.Where(x => x.Kind == TraineeActionKind.Midazolam && x.Accepted && !Indicated(entries, x))
                .Select(x => new RubricEvidence(x.Bed, x.SimTimeH, false, $"{x.Trainee} gave midazolam {F(x.Value ?? 0)} mg without restlessness or psychotomimetic effects")).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(line), $"rubric line {line.Id}: unknown rule {line.Rule}"),
        };
        var evidence = found.Where(e => e.SimTimeH >= fromH).ToList();

        int met = evidence.Count(e => e.Met == true), missed = evidence.Count(e => e.Met == false), pending = evidence.Count(e => e.Met is null);
        bool penalised = line.Rule is RubricRule.NeverAboveHardLimit or RubricRule.MedicationWithoutIndication || line.Penalty > 0;
        double penalty = penalised ? line.Penalty * missed : 0;
        return new RubricResult(line.Id, line.Text, line.Weight, met, missed, pending, penalty, line.Critical, evidence);
    }

    /// <summary>Each occasion is met by the first answer within the window, missed once the window has passed, pending before.</summary>
    private static List<RubricEvidence> Occasions<T>(RubricLine line, double nowH, IEnumerable<T> occasions, Func<T, string> what, Func<T, TraineeAction?> answer)
        where T : TrainingEntry
    {
        double window = line.WindowH ?? double.PositiveInfinity;
        var result = new List<RubricEvidence>();
        foreach (var o in occasions)
        {
            var a = answer(o);
            double deadline = o.SimTimeH + window;
            if (a is not null && a.SimTimeH <= deadline)
            {
                result.Add(new RubricEvidence(o.Bed, o.SimTimeH, true, $"{what(o)}; {Describe(a)} after {Minutes(a.SimTimeH - o.SimTimeH)}"));
            }
            else if (nowH < deadline)
            {
                result.Add(new RubricEvidence(o.Bed, o.SimTimeH, null, $"{what(o)}; waiting (window {Minutes(window)})"));
            }
            else
            {
                string late = a is null ? "no answer" : $"{Describe(a)} only after {Minutes(a.SimTimeH - o.SimTimeH)}";
                result.Add(new RubricEvidence(o.Bed, o.SimTimeH, false, $"{what(o)}; {late} (window {Minutes(window)})"));
            }
        }

        return result;
    }

    /// <summary>A review is met when the rate in effect at the end of its window is the protocol's, within the tolerance.</summary>
    private static List<RubricEvidence> Reviews(RubricLine line, IEnumerable<ReviewDue> reviews, TraineeAction[] actions, double nowH)
    {
        double window = line.WindowH ?? 0.25;
        var result = new List<RubricEvidence>();
        foreach (var r in reviews)
        {
            double deadline = r.SimTimeH + window;
            var set = actions.LastOrDefault(x => x.Bed == r.Bed && x.Kind == TraineeActionKind.SetRate && x.Accepted && x.SimTimeH >= r.SimTimeH && x.SimTimeH <= Math.Min(deadline, nowH));
            double rate = set?.Value ?? r.RateBeforeMgPerH;
            bool right = Math.Abs(rate - r.RecommendedMgPerH) <= line.ToleranceMgPerH;
            string what = $"review: protocol says {r.Decision} to {F(r.RecommendedMgPerH)} mg/h ({r.Reason}); rate {F(rate)} mg/h";
            result.Add(right && (set is not null || nowH >= deadline || Math.Abs(r.RateBeforeMgPerH - r.RecommendedMgPerH) <= line.ToleranceMgPerH)
                ? new RubricEvidence(r.Bed, r.SimTimeH, true, what)
                : nowH < deadline ? new RubricEvidence(r.Bed, r.SimTimeH, null, what + "; waiting")
                : new RubricEvidence(r.Bed, r.SimTimeH, false, what));
        }

        return result;
    }

    private static IEnumerable<SideEffectSeen> Severe(TrainingEntry[] entries, string? sideEffect) =>
        entries.OfType<SideEffectSeen>().Where(s => s.Grade == SideEffectGrade.Severe && (sideEffect is null || s.SideEffect == sideEffect));

    /// <summary>
    /// A bag alarm opens an occasion unless one is already open on that bed (near-empty, then empty, is one bag); one the
    /// ward nurse answered (before the trainee took over, or where the protocol decides the bags) is no occasion and closes any open.
    /// </summary>
    private static IEnumerable<PumpAlarmSeen> BagOccasions(TrainingEntry[] entries, TraineeAction[] actions)
    {
        var open = new Dictionary<int, double>();
        foreach (var p in entries.OfType<PumpAlarmSeen>().Where(p => p.Kind is PumpAlarmKind.NearEmpty or PumpAlarmKind.Empty))
        {
            if (p.NewBagHung)
            {
                open.Remove(p.Bed);
                continue;
            }

            if (open.TryGetValue(p.Bed, out double since)
                && !actions.Any(x => x.Bed == p.Bed && x.Kind == TraineeActionKind.ReplaceBag && x.Accepted && x.SimTimeH >= since && x.SimTimeH <= p.SimTimeH))
            {
                continue;
            }

            open[p.Bed] = p.SimTimeH;
            yield return p;
        }
    }

    private static bool Lowers(TraineeAction x) => x.Kind switch
    {
        TraineeActionKind.SetRate => x.Value < x.RateBeforeMgPerH,
        TraineeActionKind.Pause or TraineeActionKind.Stop => true,
        _ => false,
    };

    /// <summary>Restlessness or psychotomimetic effects at moderate or worse at the time of the dose.</summary>
    private static bool Indicated(TrainingEntry[] entries, TraineeAction dose)
    {
        foreach (var effect in new[] { "restlessness", "psychotomimetic" })
        {
            var latest = entries.OfType<SideEffectSeen>().LastOrDefault(s => s.Bed == dose.Bed && s.SideEffect == effect && s.SimTimeH <= dose.SimTimeH);
            if (latest is { Grade: >= SideEffectGrade.Moderate })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(TraineeAction a) =>
        $"{a.Trainee}: {Data.DataJson.EnumName(a.Kind)}{(a.Value is { } v ? " " + F(v) : string.Empty)}{(a.Target is { } t ? " " + t : string.Empty)}";

    private static string Minutes(double hours) => double.IsPositiveInfinity(hours)
        ? "open"
        : hours * 60 < 2 ? $"{(hours * 3600).ToString("0", CultureInfo.InvariantCulture)} s" : $"{(hours * 60).ToString("0.#", CultureInfo.InvariantCulture)} min";

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
