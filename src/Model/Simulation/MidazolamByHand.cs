using WardTwin.Model.Parameters;

namespace WardTwin.Model.Simulation;

/// <summary>
/// The training limits on midazolam given by hand (the parameter file's dose range, minimum interval and 24-hour
/// total, all assumed training limits): why a dose is refused, or null when it may be given.
/// </summary>
public static class MidazolamByHand
{
    public static string? DoseRefusal(double doseMg, SideEffectParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return doseMg <= 0 || doseMg > p.MidazolamMaxDoseMg || !double.IsFinite(doseMg)
            ? $"doseMg: a midazolam dose of {doseMg} mg is outside 0-{p.MidazolamMaxDoseMg} mg"
            : null;
    }

    /// <param name="sinceLastH">Hours since the last dose (by hand or by the protocol).</param>
    /// <param name="byHandLastDayMg">Milligrams given by hand in the 24 hours before now.</param>
    public static string? TimingRefusal(double doseMg, double sinceLastH, double byHandLastDayMg, SideEffectParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (sinceLastH < p.MidazolamMinIntervalH)
        {
            return $"doseMg: the last midazolam was {sinceLastH * 60:0} min ago; wait at least {p.MidazolamMinIntervalH * 60:0} min between doses";
        }

        return byHandLastDayMg + doseMg > p.MidazolamMaxMgPer24H
            ? $"doseMg: {doseMg} mg more would make {byHandLastDayMg + doseMg} mg by hand in 24 h, above the limit of {p.MidazolamMaxMgPer24H} mg"
            : null;
    }
}
