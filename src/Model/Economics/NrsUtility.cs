using WardTwin.Model.Parameters;

namespace WardTwin.Model.Economics;

/// <summary>Which NRS-to-utility mapping the QALYs over a horizon use.</summary>
public enum UtilityMap
{
    /// <summary>Dixon et al. 2011's time trade-off decrements (the default): steeply non-linear above NRS 5.</summary>
    Dixon,

    /// <summary>The assumed linear map 0.85 − 0.05 × NRS (the sensitivity analysis).</summary>
    Linear,
}

/// <summary>Utility of a day at a whole-number pain score, by the chosen mapping (parameters in the parameter file).</summary>
public sealed class NrsUtility(HorizonParameters parameters, UtilityMap map)
{
    public UtilityMap Map => map;

    public double Utility(int nrs)
    {
        int n = Math.Clamp(nrs, 0, 10);
        return map switch
        {
            UtilityMap.Dixon => parameters.DixonAnchorAtNrs0 - (n == 0 ? 0 : parameters.DixonLossByNrs[n - 1]),
            _ => Math.Min(parameters.LinearAtNrs0 - (parameters.LinearLossPerNrsPoint * n), 1),
        };
    }
}
