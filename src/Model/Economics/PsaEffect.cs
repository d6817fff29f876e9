using WardTwin.Model.Outcomes;

namespace WardTwin.Model.Economics;

/// <summary>The effects a probabilistic comparison reports per patient; one of them is the ICER's denominator.</summary>
public enum PsaEffect
{
    /// <summary>Share of patients two NRS points better at T1 (the end of treatment) than at T0.</summary>
    RespondersT1,

    /// <summary>Share two points better in the weekly score at a common week after the end of treatment, the same for every protocol.</summary>
    RespondersWeek,

    /// <summary>Weeks of relief (two points below T0) after treatment, averaged over all patients (0 without relief), censored at the follow-up horizon.</summary>
    ReliefWeeks,

    /// <summary>
    /// QALYs: over the horizon of years day by day, discounted (Dixon 2011's mapping unless the linear one is asked for),
    /// when patients are followed for years; otherwise over the 26 weeks after treatment through the linear mapping.
    /// </summary>
    Qalys,
}

/// <summary>Evaluates the effects over a cohort's outcomes.</summary>
public static class PsaEffects
{
    public static IReadOnlyList<PsaEffect> All { get; } = Enum.GetValues<PsaEffect>();

    /// <summary>The acceptability curve's default reach: 200,000 per responder or QALY, 10,000 per week of relief.</summary>
    public static double DefaultWtpMax(PsaEffect effect) => effect == PsaEffect.ReliefWeeks ? 10_000 : 200_000;

    /// <summary>Weeks after treatment the QALYs count: the default follow-up horizon, the same for every protocol.</summary>
    public const int QalyWeeks = Protocols.OutcomeTimes.DefaultHorizonWeeks;

    public static double Mean(PsaEffect effect, IReadOnlyList<AdmissionOutcome> outcomes, int week, UtilityMapping? utility = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var o in outcomes)
        {
            sum += effect switch
            {
                PsaEffect.RespondersT1 => o.ResponderT1TwoPoints ? 1 : 0,
                PsaEffect.RespondersWeek => week <= o.WeeklyNrsAfter.Length && o.NrsT0 - o.WeeklyNrsAfter[week - 1] >= 2 ? 1 : 0,
                PsaEffect.ReliefWeeks => o.ReliefDurationWeeks,
                _ when o.Horizon is { } h => h.QalysDiscounted,
                _ => (utility ?? throw new ArgumentNullException(nameof(utility), "QALYs need the NRS-to-utility mapping")).Qalys(o.WeeklyNrsAfter, QalyWeeks),
            };
        }

        return sum / outcomes.Count;
    }

    /// <summary>The column name: responders_t1, responders_week_12, relief_weeks.</summary>
    public static string Name(PsaEffect effect, int week, double horizonYears = 0) => effect switch
    {
        PsaEffect.Qalys when horizonYears > 0 => $"qalys_{horizonYears.ToString(System.Globalization.CultureInfo.InvariantCulture)}y_discounted",
        PsaEffect.RespondersT1 => "responders_t1",
        PsaEffect.RespondersWeek => $"responders_week_{week}",
        PsaEffect.ReliefWeeks => "relief_weeks",
        _ => $"qalys_{QalyWeeks}w",
    };

    /// <summary>One unit of the effect, for "per extra responder".</summary>
    public static string Unit(PsaEffect effect) => effect switch { PsaEffect.ReliefWeeks => "week of relief", PsaEffect.Qalys => "QALY", _ => "responder" };

    /// <summary>Words for the quadrant sentence ("more responders at week 12").</summary>
    public static string Words(PsaEffect effect, int week, double horizonYears = 0) => effect switch
    {
        PsaEffect.Qalys when horizonYears > 0 => $"QALYs over {horizonYears.ToString(System.Globalization.CultureInfo.InvariantCulture)} years (discounted)",
        PsaEffect.RespondersT1 => "responders at T1",
        PsaEffect.RespondersWeek => $"responders at week {week} after treatment",
        PsaEffect.ReliefWeeks => "weeks of relief",
        _ => $"QALYs over {QalyWeeks} weeks after treatment",
    };
}
