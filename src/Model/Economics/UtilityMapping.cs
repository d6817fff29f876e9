using WardTwin.Model.Data;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Economics;

/// <summary>
/// NRS pain score to utility, linear (economics.* in the parameter file, both assumed): u = at0 − loss × NRS,
/// at most 1 (full health); below that the mapping's own values apply (0.35 at NRS 10 with the shipped ones). QALYs over the weeks after treatment sum the weekly scores' utilities / 52.
/// </summary>
public sealed record UtilityMapping(double AtNrs0, double LossPerPoint)
{
    public static UtilityMapping From(ParameterFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        double Read(string name) => file.Entries.TryGetValue(name, out var e) ? e.Value : throw new DataFileException(file.Path, $"parameters.{name}", "missing (the NRS-to-utility mapping for QALYs)");
        return new UtilityMapping(Read("economics.utility_at_nrs_0"), Read("economics.utility_loss_per_nrs_point"));
    }

    public double Utility(int nrs) => Math.Min(AtNrs0 - (LossPerPoint * nrs), 1);

    /// <summary>QALYs over the first <paramref name="weeks"/> weeks after treatment from the weekly scores (a missing week counts at the last score).</summary>
    public double Qalys(IReadOnlyList<int> weeklyNrs, int weeks)
    {
        ArgumentNullException.ThrowIfNull(weeklyNrs);
        double sum = 0;
        for (int w = 0; w < weeks; w++)
        {
            sum += Utility(weeklyNrs.Count == 0 ? 10 : weeklyNrs[Math.Min(w, weeklyNrs.Count - 1)]);
        }

        return sum / 52;
    }
}
