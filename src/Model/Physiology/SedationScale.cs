using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Physiology;

/// <summary>
/// The Modified Observer's Assessment of Alertness/Sedation (MOAA/S, 5 = responds readily to name, 0 = no response to a
/// painful stimulus) of the median patient at a midazolam effect-site concentration, and the ward's drowsiness grade for it.
/// </summary>
public sealed class SedationScale(SedationParameters p)
{
    public const int Awake = 5;

    /// <summary>5 less one for each level whose C50 the concentration has reached (the score half of patients are at or below).</summary>
    public int Moaas(double midazolamEffectNgPerMl)
    {
        int score = Awake;
        foreach (double c50 in p.C50NgPerMlByDepth)
        {
            score -= midazolamEffectNgPerMl >= c50 ? 1 : 0;
        }

        return score;
    }

    public SideEffectGrade Grade(int moaas) =>
        moaas <= p.SevereAtMoaas ? SideEffectGrade.Severe
        : moaas <= p.ModerateAtMoaas ? SideEffectGrade.Moderate
        : moaas <= p.MildAtMoaas ? SideEffectGrade.Mild
        : SideEffectGrade.None;
}
