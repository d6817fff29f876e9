namespace WardTwin.Model.Simulation;

/// <summary>What an admission has recorded so far for its outcome (model card section 6): scores, doses, reviews, follow-up.</summary>
internal sealed class OutcomeRecord
{
    private readonly List<int>[] _dailyNrs;

    public OutcomeRecord(int assessmentMeasures, int followUpWeeks)
    {
        _dailyNrs = new List<int>[assessmentMeasures];
        for (int i = 0; i < _dailyNrs.Length; i++)
        {
            _dailyNrs[i] = new List<int>(16);
        }

        Weekly = new int[followUpWeeks];
    }

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
    public int[] Weekly { get; }

    /// <summary>Whether this record was made for a protocol with these sizes (a reused one is kept only then).</summary>
    public bool Fits(int assessmentMeasures, int followUpWeeks) => _dailyNrs.Length == assessmentMeasures && Weekly.Length == followUpWeeks;

    /// <summary>Nothing recorded: a cohort's runner reuses the record (and its lists) from admission to admission.</summary>
    public void Reset()
    {
        foreach (var list in _dailyNrs)
        {
            list.Clear();
        }

        Array.Clear(Weekly);
        OnsetDay = null;
        Reviews = 0;
        MaxRateMgPerH = 0;
        EffectiveRateMgPerH = null;
        EndRateMgPerH = 0;
        EndRateProtocolUnits = 0;
        NrsT1 = -1;
        NrsT2 = -1;
        T2WeeksAfterEnd = double.NaN;
    }

    /// <summary>Daily scores per assessment measure (in the protocol's order); -1 where a day had none. New arrays: the outcome keeps them.</summary>
    public int[][] DailyNrs()
    {
        var result = new int[_dailyNrs.Length][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = [.. _dailyNrs[i]];
        }

        return result;
    }

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

        for (int w = 0; w < Weekly.Length; w++)
        {
            if (Weekly[w] > nrsT0 - 2)
            {
                return (w + 1, false);
            }
        }

        return (Weekly.Length, true);
    }
}
