using System.Globalization;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// Titration reviews the trainee decides. A review needs a decision within its window: a rate entered, or "hold" to keep
/// the one that runs. Left alone, it is missed, even where the rule would have kept the rate: nobody decided. Once the
/// window closes it is met when the rate in effect then is the one the protocol's rule gives, within the tolerance; the rule
/// reads only what the trainee's page shows (the pain score, whether relief was noticed, the worst side effect and the
/// alarms since the last review), and the evidence says what that was.
/// </summary>
internal sealed class ReviewScoring(TraineeAction[] actions, AnswerClock clock, double nowH, TraineeSight sight)
{
    public List<RubricEvidence> Check(RubricLine line, IEnumerable<ReviewDue> reviews)
    {
        double window = line.WindowH ?? 0.25;
        var result = new List<RubricEvidence>();
        foreach (var r in reviews)
        {
            double deadline = clock.DeadlineH(r.SimTimeH, window);
            var decisions = actions.Where(x => x.Bed == r.Bed && x.Accepted && x.Kind is TraineeActionKind.SetRate or TraineeActionKind.Hold
                && x.SimTimeH >= r.SimTimeH && x.SimTimeH <= Math.Min(deadline, nowH)).ToArray();
            double rate = decisions.LastOrDefault(x => x.Kind == TraineeActionKind.SetRate)?.Value ?? r.RateBeforeMgPerH;
            string rule = $"review: the rule says {r.Decision} {F(r.RateBeforeMgPerH)} -> {F(r.RecommendedMgPerH)} mg/h ({r.Reason})";
            string saw = Saw(r);
            string decided = decisions.Length == 0 ? string.Empty : string.Join(", ", decisions.Select(ActionIntents.Describe));
            if (nowH < deadline)
            {
                result.Add(new RubricEvidence(r.Bed, r.SimTimeH, null, $"{rule}; open for {OccasionScoring.Window(clock, window)}, {(decisions.Length == 0 ? "no decision yet" : "so far " + decided)}", saw));
            }
            else if (decisions.Length == 0)
            {
                result.Add(new RubricEvidence(r.Bed, r.SimTimeH, false, $"{rule}; no decision within {OccasionScoring.Window(clock, window)}: the rate stayed {F(r.RateBeforeMgPerH)} mg/h because nobody decided", saw));
            }
            else if (Math.Abs(rate - r.RecommendedMgPerH) <= line.ToleranceMgPerH)
            {
                result.Add(new RubricEvidence(r.Bed, r.SimTimeH, true, $"{rule}; {decided}: {F(rate)} mg/h", saw));
            }
            else
            {
                result.Add(new RubricEvidence(r.Bed, r.SimTimeH, false, $"{rule}; {decided}: {F(rate)} mg/h, not the rule's {F(r.RecommendedMgPerH)}", saw));
            }
        }

        return result;
    }

    /// <summary>What the rule read, as the page showed it at the review, then the bedside.</summary>
    private string Saw(ReviewDue r)
    {
        string since = r.WorstSinceReview is { } kind && r.WorstSinceReviewGrade > SideEffectGrade.None
            ? $"{kind} {r.WorstSinceReviewGrade.ToString().ToLowerInvariant()}" : "none";
        string alarms = r.AlarmsSinceReview is { Count: > 0 } a ? string.Join(", ", a.Select(AlarmWords.Of)) : "none";
        return $"at the review: side effects since the last review: {since}; alarms since the last review: {alarms}; rate {F(r.RateBeforeMgPerH)} mg/h; {sight.At(r.Bed, r.SimTimeH)}";
    }

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
