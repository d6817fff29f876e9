using System.Globalization;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Titration;

/// <summary>
/// Applies a protocol's titration rules at a review. Order of precedence: lower on a side effect of the
/// lowering grade; once frozen, only restore towards the effective dose; freeze on noticed relief; hold
/// on side effects, alarms or relief; otherwise raise by the step for the current band, within the cap
/// and the hard limit.
/// </summary>
public sealed class TitrationEngine(Protocol protocol)
{
    private readonly Protocols.Titration _rules = protocol.Titration
        ?? throw new InvalidOperationException($"protocol {protocol.Id} has no titration rules");

    /// <param name="hardMaxInProtocolUnits">The hard limit converted to this patient's protocol units.</param>
    public TitrationDecision Review(TitrationState state, TitrationReport report, double hardMaxInProtocolUnits)
    {
        double rate = state.Rate;
        var next = state with { ReviewsDone = state.ReviewsDone + 1 };
        double ceiling = Math.Min(_rules.Cap ?? double.PositiveInfinity, hardMaxInProtocolUnits);
        if (_rules.Raise is { LinearTo: { } target })
        {
            ceiling = Math.Min(ceiling, target);
        }

        if (_rules.Lower is { } lower && report.CurrentGrade >= lower.OnSideEffectGrade)
        {
            double lowered = Math.Max(rate - lower.By, 0);
            return new(TitrationAction.Lower, lowered, $"lowered by {F(lower.By)}: {Describe(report.CurrentKind, report.CurrentGrade)}", next with { Rate = lowered });
        }

        if (state.Frozen)
        {
            double effective = state.FrozenRate ?? rate;
            if (rate < effective && report.WorstSinceLastReview < (_rules.Lower?.OnSideEffectGrade ?? SideEffectGrade.Severe))
            {
                double restored = Math.Min(effective, rate + Step(rate));
                return new(TitrationAction.Restore, restored, "side effects subsided: back towards the effective dose", next with { Rate = restored });
            }

            return new(TitrationAction.Hold, rate, "frozen at the effective dose", next);
        }

        if (_rules.FreezeOnNoticedRelief && report.NoticedRelief)
        {
            return new(TitrationAction.Freeze, rate, "patient notices pain reduction: effective dose", next with { Frozen = true, FrozenRate = rate });
        }

        var raise = _rules.Raise;
        if (raise is null)
        {
            return new(TitrationAction.Hold, rate, "protocol has no raise rule", next);
        }

        if (raise.UnlessNoticedRelief && report.NoticedRelief)
        {
            return new(TitrationAction.Hold, rate, "patient notices pain reduction", next);
        }

        if (raise.UnlessSideEffectGrade is { } g && report.WorstSinceLastReview >= g)
        {
            return new(TitrationAction.Hold, rate, $"held: {Describe(report.WorstKindSinceLastReview, report.WorstSinceLastReview)}", next);
        }

        if (raise.UnlessAlarms is { Count: > 0 } alarms && report.AlarmsSinceLastReview.FirstOrDefault(alarms.Contains) is { } alarm)
        {
            return new(TitrationAction.Hold, rate, $"held: alarm {alarm}", next);
        }

        if (rate >= ceiling - 1e-9)
        {
            return new(TitrationAction.Hold, rate, ceiling < (_rules.Cap ?? double.PositiveInfinity) ? "at the hard limit" : "at the protocol's maximum", next);
        }

        double raised = Math.Min(rate + Step(rate), ceiling);
        return new(TitrationAction.Raise, raised, "no relief and no side effects: raised", next with { Rate = raised });
    }

    private double Step(double rate)
    {
        var raise = _rules.Raise;
        if (raise is null)
        {
            return 0;
        }

        if (raise.LinearTo is { } target)
        {
            return (target - protocol.Rate.Start) / raise.LinearReviews!.Value;
        }

        foreach (var step in raise.Steps!)
        {
            if (step.Below is null || rate < step.Below.Value - 1e-9)
            {
                return step.By;
            }
        }

        return raise.Steps![^1].By;
    }

    private static string Describe(SideEffectKind? kind, SideEffectGrade grade) =>
        kind is null ? $"{grade.ToString().ToLowerInvariant()} side effect"
            : $"{grade.ToString().ToLowerInvariant()} {SideEffectKinds.Name(kind.Value)}";

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
