namespace WardTwin.Model.Training;

/// <summary>A trainee's score (0-100) with every rubric line met or missed and its evidence; a critical error ends the scenario at zero.</summary>
public sealed record ScoreCard(double Score, bool CriticalError, double? EndedAtH, string? EndedBy, IReadOnlyList<RubricResult> Lines)
{
    /// <summary>The occasion that ended the scenario, in words (null without a critical error).</summary>
    public RubricEvidence? EndedWith => EndedBy is null ? null : Lines.Single(l => l.Id == EndedBy).Evidence.Where(e => e.Met == false).MinBy(e => e.SimTimeH);
}

/// <summary>One rubric line: occasions met, missed and still open, the penalty taken, what counts as its answer, and the evidence for each.</summary>
public sealed record RubricResult(
    string Id, string Text, double Weight, int Met, int Missed, int Pending, double Penalty, bool Critical, IReadOnlyList<RubricEvidence> Evidence, string Answers = "")
{
    /// <summary>No occasion has been decided yet: the line does not count towards the score (yet).</summary>
    public bool Applies => Met + Missed > 0;

    public double Fraction => Applies ? (double)Met / (Met + Missed) : 1;
}

/// <summary>
/// One occasion of a rubric line: when, which bed, met or not (null while its window is open), what happened, what the
/// trainee's page showed at that moment (<paramref name="Saw"/>), and any penalty it carries.
/// </summary>
public sealed record RubricEvidence(int Bed, double SimTimeH, bool? Met, string What, string Saw = "", double Penalty = 0);
