namespace WardTwin.Model.Training;

/// <summary>A trainee's score (0-100) with every rubric line met or missed and its evidence; a critical error ends the scenario at zero.</summary>
public sealed record ScoreCard(double Score, bool CriticalError, double? EndedAtH, string? EndedBy, IReadOnlyList<RubricResult> Lines);

/// <summary>One rubric line: occasions met, missed and still open, the penalty taken, and the evidence for each.</summary>
public sealed record RubricResult(
    string Id, string Text, double Weight, int Met, int Missed, int Pending, double Penalty, bool Critical, IReadOnlyList<RubricEvidence> Evidence)
{
    /// <summary>No occasion has been decided yet: the line does not count towards the score (yet).</summary>
    public bool Applies => Met + Missed > 0;

    public double Fraction => Applies ? (double)Met / (Met + Missed) : 1;
}

/// <summary>One occasion of a rubric line: when, which bed, met or not (null while its window is open), and what happened.</summary>
public sealed record RubricEvidence(int Bed, double SimTimeH, bool? Met, string What);
