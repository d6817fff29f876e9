using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Everything one admission produced (model card section 6), before prices are applied. NrsT0, T1, T2 and
/// the weekly scores are in the protocol's outcome measure, so responders compare like with like;
/// NrsT0Cohort is the baseline in the measure its cohort was published in; DailyNrs has one row per
/// assessment measure, in the protocol's order. The arrays are values that no reader writes: outcomes may share them (a copy
/// made with <c>with</c> does, and a runner's outcomes share equal grade and alarm arrays).
/// </summary>
public sealed record AdmissionOutcome(
    int PatientIndex,
    bool Female,
    double AgeYears,
    double WeightKg,
    bool AnalgesicResponder,
    bool PlaceboResponder,
    int NrsT0,
    int NrsT0Cohort,
    Pd.PainMeasure CohortMeasure,
    int NrsT1,
    int NrsT2,
    int[][] DailyNrs,
    int[] WeeklyNrsAfter,
    double T2WeeksAfterEnd,
    double ReliefDurationWeeks,
    bool ReliefCensored,
    double? EffectiveRateMgPerH,
    double MaxRateMgPerH,
    double EndRateMgPerH,
    double EndRateProtocolUnits,
    double TotalMg,
    int? OnsetDay,
    SideEffectGrade[] WorstSideEffects,
    bool[] Alarms,
    double? PlateauSKetamineNgPerMl,
    double? PlateauRKetamineNgPerMl,
    double? PlateauSNorketamineNgPerMl,
    double? PlateauRNorketamineNgPerMl,
    double? PeakSNorketamineNgPerMl,
    double TreatmentH,
    double BedDays,
    int DayCareSessions,
    int OutpatientVisits,
    string? EarlyDischargeReason,
    int Reviews,
    int MidazolamDoses,
    SideEffectGrade WorstDrowsinessWithoutMidazolam = SideEffectGrade.None,
    HorizonOutcome? Horizon = null)
{
    /// <summary>Drowsy only because of midazolam (its grade above what ketamine and background gave): shown apart, not a ketamine side effect.</summary>
    public bool DrowsyFromMidazolamOnly => WorstSideEffects[(int)Parameters.SideEffectKind.Drowsiness] > WorstDrowsinessWithoutMidazolam;

    public bool ResponderT1TwoPoints => NrsT0 - NrsT1 >= 2;

    public bool ResponderT1ThirtyPercent => NrsT0 > 0 && NrsT0 - NrsT1 >= 0.3 * NrsT0;

    public bool ResponderT2TwoPoints => NrsT0 - NrsT2 >= 2;

    public bool ResponderT2ThirtyPercent => NrsT0 > 0 && NrsT0 - NrsT2 >= 0.3 * NrsT0;

    /// <summary>Mangnus's duration-of-relief group: responders (two points) at T1 and still at their first follow-up visit.</summary>
    public bool RelievedAtT1AndT2 => ResponderT1TwoPoints && ResponderT2TwoPoints;

    public bool AnySideEffect => WorstSideEffects.Any(g => g > SideEffectGrade.None);

    public bool Hallucinations => WorstSideEffects[(int)Parameters.SideEffectKind.Psychotomimetic] == SideEffectGrade.Severe;
}
