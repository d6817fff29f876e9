using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// A cohort's statistics gathered one admission at a time, in patient order: what summary.json and the
/// comparison need, held as counts and value columns rather than as outcomes, so a cohort of millions fits in
/// tens of bytes per patient. Sums are taken in patient order and distributions over the same values as the
/// whole cohort's arrays would give, so every engine that feeds it in patient order writes the same bytes.
/// </summary>
public sealed class CohortAccumulator(Protocol protocol, long seed, PriceList prices, IReadOnlyList<string> alarmNames, CostRules? rules = null, int followUpWeek = CohortComparison.DefaultFollowUpWeek)
{
    private readonly CostCalculator _calculator = new(prices, rules);
    private readonly int _measures = protocol.Assessments.MeasuresOrDefault.Count;
    private readonly List<ExactSample[]> _byDay = [];
    private readonly List<ExactSample> _byWeek = [];
    private readonly int[] _worst = new int[SideEffectKinds.All.Count];
    private readonly int[] _alarms = new int[alarmNames.Count];
    private readonly double[] _itemSums = new double[CostBreakdown.ItemNames.Count];
    private readonly double[] _plasmaSums = new double[5];
    private readonly int[] _plasmaCounts = new int[5];

    public Protocol Protocol => protocol;

    public long Seed => seed;

    public PriceList Prices => prices;

    public CostRules Rules => rules ?? CostRules.Default;

    public IReadOnlyList<string> AlarmNames => alarmNames;

    public int FollowUpWeek => followUpWeek;

    public int Patients { get; private set; }

    /// <summary>The cohort's measure of the baseline, when its first patient says (null before any).</summary>
    public Pd.PainMeasure? CohortMeasure { get; private set; }

    /// <summary>Longest run of daily scores of any patient (days with no score included).</summary>
    public int Days { get; private set; }

    internal ExactSample T0 { get; } = new();

    internal ExactSample T0Cohort { get; } = new();

    internal ExactSample T1 { get; } = new();

    internal ExactSample T2 { get; } = new();

    internal ExactSample T1OfResponders { get; } = new();

    internal ExactSample T1OfNonResponders { get; } = new();

    internal ExactSample T0OfResponders { get; } = new();

    internal ExactSample T0OfNonResponders { get; } = new();

    internal IReadOnlyList<ExactSample[]> ByDay => _byDay;

    internal IReadOnlyList<ExactSample> ByWeek => _byWeek;

    internal int RespondersT1 { get; private set; }

    internal int RespondersT1Thirty { get; private set; }

    internal int RespondersT2 { get; private set; }

    internal int RespondersT2Thirty { get; private set; }

    internal int RespondersAtWeek { get; private set; }

    internal ExactSample EffectiveRate { get; } = new();

    internal ExactSample MaxRate { get; } = new();

    internal ExactSample TotalMg { get; } = new();

    internal ExactSample EndRate { get; } = new();

    internal ExactSample EndRateProtocolUnits { get; } = new();

    internal ExactSample OnsetDay { get; } = new();

    internal int AnySideEffect { get; private set; }

    internal IReadOnlyList<int> WorstAboveNone => _worst;

    internal int Hallucinations { get; private set; }

    internal int AnySevere { get; private set; }

    internal int DrowsyFromMidazolamOnly { get; private set; }

    internal IReadOnlyList<int> Alarms => _alarms;

    /// <summary>Mean of S-ketamine, R-ketamine, S- and R-norketamine plateaus and the S-norketamine peak over the patients that have one.</summary>
    internal double? PlasmaMean(int which) => _plasmaCounts[which] == 0 ? null : _plasmaSums[which] / _plasmaCounts[which];

    internal ExactSample BedDays { get; } = new();

    internal double BedDaysSum { get; private set; }

    internal double ChairHoursSum { get; private set; }

    internal ExactSample DayCareSessions { get; } = new();

    internal ExactSample OutpatientVisits { get; } = new();

    internal ExactSample TreatmentDays { get; } = new();

    internal int EarlyDischarges { get; private set; }

    internal ExactSample ReliefWeeks { get; } = new();

    internal int ReliefCensored { get; private set; }

    internal ExactSample T2WeeksAfterEnd { get; } = new();

    /// <summary>Each patient's total cost, in patient order (the bootstrap of cost per responder resamples patients).</summary>
    internal ChunkedList CostTotals { get; } = new();

    internal double CostItemMean(int item) => Patients == 0 ? 0 : _itemSums[item] / Patients;

    /// <summary>Responders at T1 and T2 per patient, in patient order, for the bootstrap.</summary>
    internal List<bool> ResponderT1Flags { get; } = [];

    internal List<bool> ResponderT2Flags { get; } = [];

    /// <summary>The cohort over its horizon of years (nothing counted when patients were followed for their first course alone).</summary>
    public HorizonTally Horizon { get; } = new();

    /// <summary>A patient's later courses priced like the first (each once), undiscounted, discounted at the price file's rate for costs, and by year.</summary>
    private void AddHorizon(AdmissionOutcome a, double firstCourse)
    {
        if (a.Horizon is { } h)
        {
            var later = Economics.HorizonCosts.LaterCourses(_calculator, protocol, h);
            Horizon.Add(h, Economics.HorizonCosts.Discounted(firstCourse, later, 0),
                Economics.HorizonCosts.Discounted(firstCourse, later, prices.ConventionsOrDefault.DiscountCosts), Economics.HorizonCosts.ByYear(firstCourse, later, h.Years));
        }
    }

    /// <summary>Prices the admission and counts it; admissions must come in patient order.</summary>
    public CostBreakdown Add(AdmissionOutcome a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var cost = _calculator.Cost(protocol, a);
        Patients++;
        CohortMeasure ??= a.CohortMeasure;
        T0.Add(a.NrsT0);
        T0Cohort.Add(a.NrsT0Cohort);
        T1.Add(a.NrsT1);
        T2.Add(a.NrsT2);
        bool t1 = a.ResponderT1TwoPoints;
        (t1 ? T1OfResponders : T1OfNonResponders).Add(a.NrsT1);
        (t1 ? T0OfResponders : T0OfNonResponders).Add(a.NrsT0);
        AddDaily(a);
        for (int w = 0; w < a.WeeklyNrsAfter.Length; w++)
        {
            if (_byWeek.Count <= w)
            {
                _byWeek.Add(new ExactSample());
            }

            _byWeek[w].Add(a.WeeklyNrsAfter[w]);
        }

        RespondersT1 += t1 ? 1 : 0;
        RespondersT1Thirty += a.ResponderT1ThirtyPercent ? 1 : 0;
        RespondersT2 += a.ResponderT2TwoPoints ? 1 : 0;
        RespondersT2Thirty += a.ResponderT2ThirtyPercent ? 1 : 0;
        RespondersAtWeek += followUpWeek <= a.WeeklyNrsAfter.Length && a.NrsT0 - a.WeeklyNrsAfter[followUpWeek - 1] >= 2 ? 1 : 0;
        ResponderT1Flags.Add(t1);
        ResponderT2Flags.Add(a.ResponderT2TwoPoints);
        if (a.EffectiveRateMgPerH is { } effective)
        {
            EffectiveRate.Add(effective);
        }

        MaxRate.Add(a.MaxRateMgPerH);
        TotalMg.Add(a.TotalMg);
        EndRate.Add(a.EndRateMgPerH);
        EndRateProtocolUnits.Add(a.EndRateProtocolUnits);
        if (t1 && a.OnsetDay is { } onset)
        {
            OnsetDay.Add(onset);
        }

        AddSideEffects(a);
        AddPlasma(a);
        BedDays.Add(a.BedDays);
        BedDaysSum += a.BedDays;
        ChairHoursSum += a.DayCareSessions == 0 ? 0 : a.TreatmentH > 0 ? (protocol.Schedule.SessionH ?? 0) * a.DayCareSessions : 0;
        DayCareSessions.Add(a.DayCareSessions);
        OutpatientVisits.Add(a.OutpatientVisits);
        TreatmentDays.Add(a.TreatmentH / 24);
        EarlyDischarges += a.EarlyDischargeReason is not null ? 1 : 0;
        if (a.RelievedAtT1AndT2)
        {
            ReliefWeeks.Add(a.ReliefDurationWeeks);
            ReliefCensored += a.ReliefCensored ? 1 : 0;
        }

        T2WeeksAfterEnd.Add(a.T2WeeksAfterEnd);
        AddHorizon(a, cost.Total);
        CostTotals.Add(cost.Total);
        var items = cost.Items;
        for (int i = 0; i < items.Length; i++)
        {
            _itemSums[i] += items[i];
        }

        return cost;
    }

    /// <summary>What the comparison table needs of this cohort.</summary>
    public CohortTotals Totals()
    {
        int n = Patients;
        double cost = n == 0 ? 0 : CostTotals.Sum() / n;
        return new CohortTotals(
            protocol.Id, n, RespondersT1, RespondersT2, n == 0 ? null : T2WeeksAfterEnd.ToDist().Median, followUpWeek, RespondersAtWeek,
            AnySideEffect, EffectiveRate.Count == 0 ? null : EffectiveRate.ToDist().Median,
            n == 0 ? 0 : BedDaysSum / n, n == 0 ? 0 : ChairHoursSum / n, cost, prices.Currency,
            Horizon.Patients == 0 ? null : new HorizonTotals(Horizon.QalysMean, Horizon.QalysDiscountedMean, Horizon.CostMean, Horizon.CostDiscountedMean, Horizon.CostByYearMean));
    }

    private void AddDaily(AdmissionOutcome a)
    {
        int longest = 0;
        for (int i = 0; i < a.DailyNrs.Length; i++)
        {
            longest = Math.Max(longest, a.DailyNrs[i].Length);
        }

        Days = Math.Max(Days, longest);
        while (_byDay.Count < Days)
        {
            _byDay.Add([.. Enumerable.Range(0, _measures).Select(_ => new ExactSample())]);
        }

        for (int i = 0; i < Math.Min(_measures, a.DailyNrs.Length); i++)
        {
            var daily = a.DailyNrs[i];
            for (int k = 0; k < daily.Length; k++)
            {
                if (daily[k] >= 0)
                {
                    _byDay[k][i].Add(daily[k]);
                }
            }
        }
    }

    private void AddSideEffects(AdmissionOutcome a)
    {
        AnySideEffect += a.AnySideEffect ? 1 : 0;
        for (int k = 0; k < _worst.Length; k++)
        {
            _worst[k] += a.WorstSideEffects[k] > SideEffectGrade.None ? 1 : 0;
        }

        Hallucinations += a.Hallucinations ? 1 : 0;
        AnySevere += a.WorstSideEffects.Any(g => g == SideEffectGrade.Severe) ? 1 : 0;
        DrowsyFromMidazolamOnly += a.DrowsyFromMidazolamOnly ? 1 : 0;
        for (int i = 0; i < _alarms.Length; i++)
        {
            _alarms[i] += a.Alarms[i] ? 1 : 0;
        }
    }

    private void AddPlasma(AdmissionOutcome a)
    {
        ReadOnlySpan<double?> values = [a.PlateauSKetamineNgPerMl, a.PlateauRKetamineNgPerMl, a.PlateauSNorketamineNgPerMl, a.PlateauRNorketamineNgPerMl, a.PeakSNorketamineNgPerMl];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v)
            {
                _plasmaSums[i] += v;
                _plasmaCounts[i]++;
            }
        }
    }
}
