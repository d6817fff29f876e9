namespace WardTwin.Model.Simulation;

/// <summary>What an admission has recorded so far for its outcome (model card section 6): scores, doses, reviews, follow-up.</summary>
internal sealed class OutcomeRecord(int assessmentMeasures, int followUpWeeks)
{
    private readonly List<int>[] _dailyNrs = Enumerable.Range(0, assessmentMeasures).Select(_ => new List<int>(16)).ToArray();

    public int? OnsetDay { get; private set; }

    public int Reviews { get; set; }

    public double MaxRateMgPerH { get; private set; }

    public double? EffectiveRateMgPerH { get; set; }

    public double EndRateMgPerH { get; set; }

    public double EndRateProtocolUnits { get; set; }

    public int NrsT1 { get; set; } = -1;

    public int NrsT2 { get; set; } = -1;

    public double T2WeeksAfterEnd { get; set; } = double.NaN;

    /// <summary>Weekly follow-up scores, week 1 first, to the protocol's horizon.</summary>
    public int[] Weekly { get; } = new int[followUpWeeks];

    /// <summary>Daily scores per assessment measure (in the protocol's order); -1 where a day had none.</summary>
    public int[][] DailyNrs() => _dailyNrs.Select(d => d.ToArray()).ToArray();

    public void NoteRate(double mgPerH) => MaxRateMgPerH = Math.Max(MaxRateMgPerH, mgPerH);

    public void NoteDaily(int measure, int day, int reported)
    {
        var list = _dailyNrs[measure];
        while (list.Count < day - 1)
        {
            list.Add(-1);
        }

        list.Add(reported);
    }

    public void NoteOnset(double t, bool noticed)
    {
        if (noticed && OnsetDay is null)
        {
            OnsetDay = (int)Math.Floor(t / 24) + 1;
        }
    }

    /// <summary>
    /// Whole weeks from the end of treatment until the first weekly score no longer at least two points
    /// below T0 (model card section 6): week w's score is the first without relief gives w; every score
    /// relieved gives the horizon (censored); no relief at T1 gives 0.
    /// </summary>
    public (double Weeks, bool Censored) ReliefDuration(int nrsT0)
    {
        if (NrsT1 > nrsT0 - 2)
        {
            return (0, false);
        }

        int first = Array.FindIndex(Weekly, s => s > nrsT0 - 2);
        return first < 0 ? (Weekly.Length, true) : (first + 1, false);
    }
}
