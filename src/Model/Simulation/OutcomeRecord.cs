namespace WardTwin.Model.Simulation;

/// <summary>What an admission has recorded so far for its outcome (model card section 6): scores, doses, reviews.</summary>
internal sealed class OutcomeRecord
{
    private readonly List<int> _dailyNrs = new(16);

    public int? OnsetDay { get; private set; }

    public int Reviews { get; set; }

    public double MaxRateMgPerH { get; private set; }

    public double? EffectiveRateMgPerH { get; set; }

    public double EndRateMgPerH { get; set; }

    public double EndRateProtocolUnits { get; set; }

    public int NrsT1 { get; set; } = -1;

    public int NrsT2 { get; set; } = -1;

    public int[] Weekly { get; } = new int[Timeline.WeeksAfter];

    public int[] DailyNrs() => _dailyNrs.ToArray();

    public void NoteRate(double mgPerH) => MaxRateMgPerH = Math.Max(MaxRateMgPerH, mgPerH);

    public void NoteDaily(int day, int reported)
    {
        while (_dailyNrs.Count < day - 1)
        {
            _dailyNrs.Add(-1);
        }

        _dailyNrs.Add(reported);
    }

    public void NoteOnset(double t, bool noticed)
    {
        if (noticed && OnsetDay is null)
        {
            OnsetDay = (int)Math.Floor(t / 24) + 1;
        }
    }
}
