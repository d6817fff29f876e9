using System.Globalization;
using WardTwin.Model.Economics;

namespace WardTwin.Application.Planner;

/// <summary>
/// What a planner's analysis numbers may be: the one rule the command line (naming its option) and the dashboard's
/// request binding (naming its JSON field) both apply before anything runs, so a value one host refuses the other
/// refuses in the same words.
/// </summary>
public static class PlannerNumbers
{
    public const int MaxPsaDraws = 100_000;

    /// <summary>Why a value is refused ("must be ..., got V"), or null when it can be used.</summary>
    public static string? Problem(PlannerNumber number, double value)
    {
        string got = value.ToString(CultureInfo.InvariantCulture);
        return number switch
        {
            // One draw is refused rather than run: its interval has zero width and its EVPI is 0, which reads as certainty.
            PlannerNumber.PsaDraws when value == 1 => $"must be 0 (none) or 2-{MaxPsaDraws} draws, got 1: one draw gives a zero-width interval and EVPI 0",
            PlannerNumber.PsaDraws when value != 0 && !(value >= 2 && value <= MaxPsaDraws && value == Math.Floor(value)) => $"must be 0 (none) or 2-{MaxPsaDraws} draws, got {got}",
            PlannerNumber.Wtp when !(value >= 0 && double.IsFinite(value)) => $"must be a willingness to pay >= 0, got {got}",

            // 0 used to stand for "the default"; a typed 0 or less is refused instead of silently becoming 200,000.
            PlannerNumber.WtpMax when !(value > 0 && double.IsFinite(value)) => $"must be a willingness to pay > 0 (leave it out for the default), got {got}",
            PlannerNumber.WtpStep when !(value > 0 && double.IsFinite(value)) => $"must be a step > 0 (leave it out for a hundredth of the largest willingness to pay), got {got}",
            _ => null,
        };
    }

    /// <summary>The acceptability curve's points: 0 to the largest willingness to pay (by default the effect's) in steps (by default a hundredth of it); a step the reach cannot hold is an ArgumentException about the step.</summary>
    public static double[] WtpGrid(PsaEffect effect, double? max = null, double? step = null)
    {
        double reach = max ?? PsaEffects.DefaultWtpMax(effect);
        double by = step ?? reach / 100;
        Require("largest willingness to pay", PlannerNumber.WtpMax, reach);
        Require("willingness-to-pay step", PlannerNumber.WtpStep, by);
        if (by > reach)
        {
            // Said without a name: each host puts its own (--wtp-step, psa.wtpStep) in front.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the step {by} is larger than the largest willingness to pay ({reach}): the acceptability curve would have one point"));
        }

        return Acceptability.Range(reach, by);
    }

    /// <summary>Every analysis number of a request, for a caller that did not bind it through a host's checks.</summary>
    public static void Check(PlannerRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Psa is { } psa)
        {
            if (psa.Draws == 0)
            {
                throw new ArgumentException("PSA draws: a PSA plan with 0 draws (leave the plan out for none)");
            }

            Require("PSA draws", PlannerNumber.PsaDraws, psa.Draws);
            foreach (double wtp in psa.Wtps)
            {
                Require("acceptability willingness to pay", PlannerNumber.Wtp, wtp);
            }
        }

        if (request.Sensitivity?.Wtp is { } oneWayWtp)
        {
            Require("one-way willingness to pay", PlannerNumber.Wtp, oneWayWtp);
        }
    }

    private static void Require(string name, PlannerNumber number, double value)
    {
        if (Problem(number, value) is { } problem)
        {
            throw new ArgumentException($"{name}: {problem}");
        }
    }
}
