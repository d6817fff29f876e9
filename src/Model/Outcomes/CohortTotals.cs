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
    string Currency,
    HorizonTotals? Horizon = null);

/// <summary>Per patient over the horizon: QALYs and costs, undiscounted and discounted.</summary>
public sealed record HorizonTotals(double Qalys, double QalysDiscounted, double Cost, double CostDiscounted, double[] CostByYear);
