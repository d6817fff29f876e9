using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>Everything one admission produced (model card section 6), before prices are applied.</summary>
public sealed record AdmissionOutcome(
    int PatientIndex,
    bool Female,
    double AgeYears,
    double WeightKg,
    bool AnalgesicResponder,
    bool PlaceboResponder,
    int NrsT0,
    int NrsT1,
    int NrsT2,
    int[] DailyNrs,
    int[] WeeklyNrsAfter,
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
    double TreatmentH,
    double BedDays,
    int DayCareSessions,
    int OutpatientVisits,
    string? EarlyDischargeReason,
    int Reviews,
    int MidazolamDoses)
{
    public bool ResponderT1TwoPoints => NrsT0 - NrsT1 >= 2;

    public bool ResponderT1ThirtyPercent => NrsT0 > 0 && NrsT0 - NrsT1 >= 0.3 * NrsT0;

    public bool ResponderT2TwoPoints => NrsT0 - NrsT2 >= 2;

    public bool ResponderT2ThirtyPercent => NrsT0 > 0 && NrsT0 - NrsT2 >= 0.3 * NrsT0;

    public bool AnySideEffect => WorstSideEffects.Any(g => g > SideEffectGrade.None);

    public bool Hallucinations => WorstSideEffects[(int)Parameters.SideEffectKind.Psychotomimetic] == SideEffectGrade.Severe;
}
