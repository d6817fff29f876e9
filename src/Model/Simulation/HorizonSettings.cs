using WardTwin.Model.Economics;

namespace WardTwin.Model.Simulation;

/// <summary>A cohort followed over years: how many, the NRS-to-utility mapping, and the discount rate for effects (the country's).</summary>
public sealed record HorizonSettings(double Years, UtilityMap Utility, double EffectDiscountRate)
{
    public const int MaxYears = 5;
}
