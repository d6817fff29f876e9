namespace WardTwin.Model.Randomness;

/// <summary>What a patient's random stream is used for; values never change so runs replay.</summary>
public enum StreamPurpose : ulong
{
    Demographics = 1,
    Variability = 2,
    Response = 3,
    SideEffectThresholds = 4,
    BackgroundSideEffects = 5,
    ReportNoise = 6,
    Vitals = 7,
    Discharge = 8,
    CoMedication = 9,
    /// <summary>The nursing observations' own vital-sign readings inside the walk.</summary>
    Monitor = 10,

    /// <summary>A ward's arrivals (patient index -2: a ward-level stream, not a patient's).</summary>
    Arrivals = 11,

    /// <summary>The bedside monitor device at a live bed (apart from the walk's observations).</summary>
    BedsideMonitor = 12,

    /// <summary>The patient's own outcome times: T2 drawn from the protocol's distribution (model card section 6).</summary>
    OutcomeTimes = 13,

    /// <summary>A probabilistic analysis's parameter draws: key (seed, draw, ParameterDraws ^ hash of the parameter's name).</summary>
    ParameterDraws = 14,

    /// <summary>A probabilistic analysis's price draws: key (seed, draw, PriceItemDraws ^ hash of the item's name).</summary>
    PriceItemDraws = 15,

    /// <summary>A capacity replication's arrivals: key (seed, replication, CapacityArrivals).</summary>
    CapacityArrivals = 16,

    /// <summary>A patient's later courses over a horizon of years: each course's own seed, and whether a retreatment is taken up.</summary>
    Retreatment = 17,

    /// <summary>A cohort summary's bootstrap intervals: stream Bootstrap + k for the k-th statistic (index -1: cohort-level).</summary>
    Bootstrap = 100,

    /// <summary>The seed offset of the price draws of the probabilistic sensitivity analysis (MathNet's Xoshiro256**).</summary>
    PriceDraws = 0x5EA5,
}
