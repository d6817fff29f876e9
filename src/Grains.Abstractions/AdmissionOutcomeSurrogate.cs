using WardTwin.Model.Outcomes;
using WardTwin.Model.Protocols;

namespace WardTwin.Grains;

#pragma warning disable CA1051, CA1815 // Orleans surrogates are plain field bags by convention; never compared.

/// <summary>Wire form of the model's <see cref="AdmissionOutcome"/>, which knows nothing of Orleans.</summary>
[GenerateSerializer]
public struct AdmissionOutcomeSurrogate
{
    [Id(0)] public int PatientIndex;
    [Id(1)] public bool Female;
    [Id(2)] public double AgeYears;
    [Id(3)] public double WeightKg;
    [Id(4)] public bool AnalgesicResponder;
    [Id(5)] public bool PlaceboResponder;
    [Id(6)] public int NrsT0;
    [Id(7)] public int NrsT1;
    [Id(8)] public int NrsT2;
    [Id(9)] public int[][] DailyNrs;
    [Id(10)] public int[] WeeklyNrsAfter;
    [Id(11)] public double? EffectiveRateMgPerH;
    [Id(12)] public double MaxRateMgPerH;
    [Id(13)] public double EndRateMgPerH;
    [Id(14)] public double EndRateProtocolUnits;
    [Id(15)] public double TotalMg;
    [Id(16)] public int? OnsetDay;
    [Id(17)] public int[] WorstSideEffects;
    [Id(18)] public bool[] Alarms;
    [Id(19)] public double? PlateauS;
    [Id(20)] public double? PlateauR;
    [Id(21)] public double? PlateauSNk;
    [Id(22)] public double? PlateauRNk;
    [Id(23)] public double TreatmentH;
    [Id(24)] public double BedDays;
    [Id(25)] public int DayCareSessions;
    [Id(26)] public int OutpatientVisits;
    [Id(27)] public string? EarlyDischargeReason;
    [Id(28)] public int Reviews;
    [Id(29)] public int MidazolamDoses;
    [Id(36)] public int WorstDrowsinessWithoutMidazolam;
    [Id(30)] public int NrsT0Cohort;
    [Id(31)] public int CohortMeasure;
    [Id(32)] public double T2WeeksAfterEnd;
    [Id(33)] public double ReliefDurationWeeks;
    [Id(34)] public bool ReliefCensored;
    [Id(35)] public double? PeakSNk;
    [Id(37)] public HorizonOutcome? Horizon;
}
#pragma warning restore CA1051, CA1815

[RegisterConverter]
public sealed class AdmissionOutcomeConverter : IConverter<AdmissionOutcome, AdmissionOutcomeSurrogate>
{
    public AdmissionOutcome ConvertFromSurrogate(in AdmissionOutcomeSurrogate s) => new(
        s.PatientIndex, s.Female, s.AgeYears, s.WeightKg, s.AnalgesicResponder, s.PlaceboResponder,
        s.NrsT0, s.NrsT0Cohort, (WardTwin.Model.Pd.PainMeasure)s.CohortMeasure, s.NrsT1, s.NrsT2, s.DailyNrs, s.WeeklyNrsAfter,
        s.T2WeeksAfterEnd, s.ReliefDurationWeeks, s.ReliefCensored,
        s.EffectiveRateMgPerH, s.MaxRateMgPerH, s.EndRateMgPerH, s.EndRateProtocolUnits, s.TotalMg, s.OnsetDay,
        s.WorstSideEffects.Select(g => (SideEffectGrade)g).ToArray(), s.Alarms,
        s.PlateauS, s.PlateauR, s.PlateauSNk, s.PlateauRNk, s.PeakSNk,
        s.TreatmentH, s.BedDays, s.DayCareSessions, s.OutpatientVisits, s.EarlyDischargeReason, s.Reviews, s.MidazolamDoses, (SideEffectGrade)s.WorstDrowsinessWithoutMidazolam, s.Horizon);

    public AdmissionOutcomeSurrogate ConvertToSurrogate(in AdmissionOutcome o) => new()
    {
        PatientIndex = o.PatientIndex, Female = o.Female, AgeYears = o.AgeYears, WeightKg = o.WeightKg,
        AnalgesicResponder = o.AnalgesicResponder, PlaceboResponder = o.PlaceboResponder,
        NrsT0 = o.NrsT0, NrsT1 = o.NrsT1, NrsT2 = o.NrsT2, DailyNrs = o.DailyNrs, WeeklyNrsAfter = o.WeeklyNrsAfter,
        EffectiveRateMgPerH = o.EffectiveRateMgPerH, MaxRateMgPerH = o.MaxRateMgPerH, EndRateMgPerH = o.EndRateMgPerH,
        EndRateProtocolUnits = o.EndRateProtocolUnits, TotalMg = o.TotalMg, OnsetDay = o.OnsetDay,
        WorstSideEffects = o.WorstSideEffects.Select(g => (int)g).ToArray(), Alarms = o.Alarms,
        PlateauS = o.PlateauSKetamineNgPerMl, PlateauR = o.PlateauRKetamineNgPerMl,
        PlateauSNk = o.PlateauSNorketamineNgPerMl, PlateauRNk = o.PlateauRNorketamineNgPerMl,
        TreatmentH = o.TreatmentH, BedDays = o.BedDays, DayCareSessions = o.DayCareSessions, OutpatientVisits = o.OutpatientVisits,
        EarlyDischargeReason = o.EarlyDischargeReason, Reviews = o.Reviews, MidazolamDoses = o.MidazolamDoses, WorstDrowsinessWithoutMidazolam = (int)o.WorstDrowsinessWithoutMidazolam,
        NrsT0Cohort = o.NrsT0Cohort, CohortMeasure = (int)o.CohortMeasure, T2WeeksAfterEnd = o.T2WeeksAfterEnd,
        ReliefDurationWeeks = o.ReliefDurationWeeks, ReliefCensored = o.ReliefCensored, PeakSNk = o.PeakSNorketamineNgPerMl,
        Horizon = o.Horizon,
    };
}
