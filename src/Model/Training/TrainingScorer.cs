namespace WardTwin.Model.Training;

/// <summary>
/// Scores a trainee from the session's typed record and the scenario's rubric. Each line is checked on every occasion it
/// applies (an alarm, a severe side effect, a review, an empty bag, an event) and scored when its window closes: met by one
/// of the line's answers on that bed in time, never by an action of another kind, and never without an action where one was
/// due; a wrong answer in the window costs the line's wrong penalty. While its window is open an occasion is pending and
/// does not count. The score is the weighted share of occasions met over the lines that applied, minus penalties, within
/// 0-100; a critical error makes it 0 and ends the scenario.
/// </summary>
public static class TrainingScorer
{
    /// <param name="fromH">When the trainee took over (a scenario that starts on day 2 was run by the protocol before): earlier occasions do not count.</param>
    public static ScoreCard Score(Scenario scenario, IReadOnlyList<TrainingEntry> record, double nowH, double fromH = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var entries = record.OrderBy(e => e.SimTimeH).ToArray();
        var clock = new AnswerClock(scenario.AnswerWindows, scenario.Ward.TimeScale, entries.OfType<ClockChanged>());
        var scoring = new OccasionScoring(entries, clock, nowH);
        var lines = scenario.Rubric.Select(line => Check(line, scoring, fromH)).ToArray();

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

    private static RubricResult Check(RubricLine line, OccasionScoring s, double fromH)
    {
        var evidence = s.Check(line).Where(e => e.SimTimeH >= fromH).ToList();
        int met = evidence.Count(e => e.Met == true), missed = evidence.Count(e => e.Met == false), pending = evidence.Count(e => e.Met is null);
        bool penalised = line.Rule is RubricRule.NeverAboveHardLimit or RubricRule.MedicationWithoutIndication || line.Penalty > 0;
        double penalty = (penalised ? line.Penalty * missed : 0) + evidence.Sum(e => e.Penalty);
        string answers = line.Rule switch
        {
            RubricRule.NeverAboveHardLimit or RubricRule.MedicationWithoutIndication => string.Empty,
            RubricRule.TitrateAtReview => $"a decision within the window: the rate the protocol's rule gives (within {line.ToleranceMgPerH.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} mg/h), or hold when the rule keeps the rate",
            _ => ActionIntents.Words(line.AnswersOrDefault),
        };
        return new RubricResult(line.Id, line.Text, line.Weight, met, missed, pending, penalty, line.Critical, evidence, answers);
    }
}
