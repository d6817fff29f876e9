namespace WardTwin.Model.Outcomes;

/// <summary>What a comparison row needs of one cohort: counts, medians and means over its patients, gathered as they ran.</summary>
public sealed record CohortTotals(
    string Protocol,
    int Patients,
    int RespondersT1,
    int RespondersT2,
    double? T2WeeksAfterEndMedian,
    int FollowUpWeek,
    int RespondersAtWeek,
    int AnySideEffect,
    double? EffectiveMgPerHMedian,
    double BedDaysMean,
    double ChairHoursMean,
    double CostPerPatient,
    string Currency);
