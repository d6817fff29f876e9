using WardTwin.Model.Data;

namespace WardTwin.Model.Parameters;

/// <summary>
/// Midazolam's effect-site concentrations at which the median patient's MOAA/S score falls to 4, 3, 2 and 1, and the
/// scores at which the ward's drowsiness grade becomes mild, moderate and severe.
/// </summary>
public sealed record SedationParameters(double[] C50NgPerMlByDepth, int MildAtMoaas, int ModerateAtMoaas, int SevereAtMoaas)
{
    internal static SedationParameters Read(ParameterReader p, string path)
    {
        double[] c50 = [p.Positive("sedation.moaas_4_c50_ng_per_ml"), p.Positive("sedation.moaas_3_c50_ng_per_ml"),
            p.Positive("sedation.moaas_2_c50_ng_per_ml"), p.Positive("sedation.moaas_1_c50_ng_per_ml")];
        for (int i = 1; i < c50.Length; i++)
        {
            if (c50[i] <= c50[i - 1])
            {
                throw new DataFileException(path, $"parameters.sedation.moaas_{4 - i}_c50_ng_per_ml", "a deeper MOAA/S level needs a higher concentration than the one before");
            }
        }

        int mild = (int)p["sedation.mild_at_moaas"], moderate = (int)p["sedation.moderate_at_moaas"], severe = (int)p["sedation.severe_at_moaas"];
        return mild > moderate && moderate > severe && severe >= 0
            ? new SedationParameters(c50, mild, moderate, severe)
            : throw new DataFileException(path, "parameters.sedation.mild_at_moaas", "mild, moderate and severe must be ever lower MOAA/S scores");
    }
}
