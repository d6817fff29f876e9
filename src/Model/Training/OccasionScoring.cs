using System.Globalization;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// The occasions of one rubric line in one record and how each came out. An occasion's window closes at the answer clock's
/// deadline; until then it is open whatever has been done. Once closed it is met by the first of the line's answers on the
/// bed within the window (for an alarm: acknowledging that alarm), missed otherwise; each wrong answer tried in the window is
/// named and costs the line's wrong penalty, answered or not, and whether or not the ward carried it out (a dose a training
/// limit refused was still the trainee's decision).
/// </summary>
internal sealed class OccasionScoring(TrainingEntry[] entries, AnswerClock clock, double nowH)
{
    private readonly TraineeAction[] _actions = [.. entries.OfType<TraineeAction>()];
    private readonly TraineeSight _sight = new(entries);

    public List<RubricEvidence> Check(RubricLine line) => line.Rule switch
    {
        RubricRule.AcknowledgeAlarm => Occasions(line, entries.OfType<AlarmRaised>().Where(a => line.Priority is null || a.Priority == line.Priority),
            a => $"alarm {AlarmWords.Of(a.Alarm)} ({a.Priority.ToString().ToLowerInvariant()})", (a, x) => x.Target == a.Alarm),
        RubricRule.LowerRateAfterSevereSideEffect => Occasions(line, Severe(line.SideEffect), s => $"{s.SideEffect} severe"),
        RubricRule.MidazolamFor => Occasions(line, Severe(line.SideEffect), s => $"{s.SideEffect} severe"),
        RubricRule.TitrateAtReview => new ReviewScoring(_actions, clock, nowH, _sight).Check(line, entries.OfType<ReviewDue>()),
        RubricRule.ReplaceBag => Occasions(line, BagOccasions(), p => p.Kind == PumpAlarmKind.Empty ? "bag empty" : "bag near empty"),
        RubricRule.AnswerEvent => Occasions(line, entries.OfType<EventFired>().Where(e => e.EventId == line.Event),
            e => $"event {e.EventId} ({Data.DataJson.EnumName(e.Cause)})"),
        RubricRule.NeverAboveHardLimit => [.. _actions.Where(x => x.AboveHardLimit)
            .Select(x => new RubricEvidence(x.Bed, x.SimTimeH, false, $"{x.Trainee} tried {ActionIntents.Number(x.Value ?? 0)} mg/h, above the hard limit", _sight.At(x.Bed, x.SimTimeH)))],
        RubricRule.MedicationWithoutIndication => [.. _actions.Where(x => x.Kind == TraineeActionKind.Midazolam && x.Accepted && !Indicated(x))
            .Select(x => new RubricEvidence(x.Bed, x.SimTimeH, false, $"{x.Trainee} gave midazolam {ActionIntents.Number(x.Value ?? 0)} mg without restlessness or psychotomimetic effects", _sight.At(x.Bed, x.SimTimeH)))],
        _ => throw new ArgumentOutOfRangeException(nameof(line), $"rubric line {line.Id}: unknown rule {line.Rule}"),
    };

    /// <param name="fits">For an alarm: the acknowledgement must name it.</param>
    private List<RubricEvidence> Occasions<T>(RubricLine line, IEnumerable<T> occasions, Func<T, string> what, Func<T, TraineeAction, bool>? fits = null)
        where T : TrainingEntry
    {
        double window = line.WindowH ?? double.PositiveInfinity;
        var answers = line.AnswersOrDefault;
        var wrongs = line.WrongAnswersOrEmpty;
        var result = new List<RubricEvidence>();
        foreach (var o in occasions)
        {
            double deadline = clock.DeadlineH(o.SimTimeH, window);
            var after = _actions.Where(x => x.Bed == o.Bed && x.Accepted && x.SimTimeH >= o.SimTimeH).ToArray();
            var within = after.Where(x => x.SimTimeH <= deadline).ToArray();
            var right = within.FirstOrDefault(x => answers.Contains(ActionIntents.Of(x)) && (fits?.Invoke(o, x) ?? true));
            var wrong = _actions.Where(x => x.Bed == o.Bed && x.SimTimeH >= o.SimTimeH && x.SimTimeH <= deadline && wrongs.Contains(ActionIntents.Of(x))).ToArray();
            string head = what(o), saw = _sight.At(o.Bed, o.SimTimeH);
            string wrongWords = wrong.Length == 0 ? string.Empty
                : $"; wrong: {string.Join(", ", wrong.Select(x => $"{ActionIntents.Describe(x)} after {Span(x.SimTimeH - o.SimTimeH)}"))}{(line.WrongPenalty > 0 ? $" (-{F(line.WrongPenalty * wrong.Length)})" : string.Empty)}";
            if (nowH < deadline)
            {
                string sofar = within.Length == 0 ? "nothing done yet" : "so far " + string.Join(", ", within.Select(ActionIntents.Describe));
                result.Add(new RubricEvidence(o.Bed, o.SimTimeH, null, $"{head}; open for {Window(clock, window)}, {sofar}", saw));
                continue;
            }

            double penalty = line.WrongPenalty * wrong.Length;
            if (right is not null)
            {
                result.Add(new RubricEvidence(o.Bed, o.SimTimeH, true, $"{head}; {ActionIntents.Describe(right)} after {Span(right.SimTimeH - o.SimTimeH)}{wrongWords}", saw, penalty));
                continue;
            }

            var late = after.FirstOrDefault(x => answers.Contains(ActionIntents.Of(x)) && (fits?.Invoke(o, x) ?? true));
            var other = within.Where(x => !wrong.Contains(x)).ToArray();
            string why = late is not null ? $"{ActionIntents.Describe(late)} only after {Span(late.SimTimeH - o.SimTimeH)}"
                : other.Length > 0 ? $"no answer: {Listed(other)} {(other.Length > 1 ? "do" : "does")} not answer it"
                : "no answer";
            result.Add(new RubricEvidence(o.Bed, o.SimTimeH, false, $"{head}; {why} (needed: {ActionIntents.Words(answers)} within {Window(clock, window)}){wrongWords}", saw, penalty));
        }

        return result;
    }

    private IEnumerable<SideEffectSeen> Severe(string? sideEffect) =>
        entries.OfType<SideEffectSeen>().Where(s => s.Grade == SideEffectGrade.Severe && (sideEffect is null || s.SideEffect == sideEffect));

    /// <summary>
    /// A bag alarm opens an occasion unless one is already open on that bed (near-empty, then empty, is one bag); one the
    /// ward nurse answered (before the trainee took over, or where the protocol decides the bags) is no occasion and closes any open.
    /// </summary>
    private IEnumerable<PumpAlarmSeen> BagOccasions()
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
                && !_actions.Any(x => x.Bed == p.Bed && x.Kind == TraineeActionKind.ReplaceBag && x.Accepted && x.SimTimeH >= since && x.SimTimeH <= p.SimTimeH))
            {
                continue;
            }

            open[p.Bed] = p.SimTimeH;
            yield return p;
        }
    }

    /// <summary>Restlessness or psychotomimetic effects at moderate or worse at the time of the dose.</summary>
    private bool Indicated(TraineeAction dose)
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

    /// <summary>Actions in words, the same one said once with how many times ("... (4 times)").</summary>
    private static string Listed(IEnumerable<TraineeAction> actions) =>
        string.Join(", ", actions.Select(ActionIntents.Describe).CountBy(d => d).Select(d => d.Value > 1 ? $"{d.Key} ({d.Value} times)" : d.Key));

    internal static string Window(AnswerClock clock, double windowH) => Span(windowH) + (clock.Kind == AnswerWindows.Real ? " of real time" : string.Empty);

    internal static string Span(double hours) => double.IsPositiveInfinity(hours)
        ? "open"
        : hours * 60 < 2 ? $"{(hours * 3600).ToString("0", CultureInfo.InvariantCulture)} s" : $"{(hours * 60).ToString("0.#", CultureInfo.InvariantCulture)} min";

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
