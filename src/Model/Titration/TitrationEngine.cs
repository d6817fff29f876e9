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
        string? alarm = _rules.Raise?.UnlessAlarms is { Count: > 0 } alarms ? report.AlarmsSinceLastReview.FirstOrDefault(alarms.Contains) : null;
        var step = Decide(state.Rate, state.Frozen, state.FrozenRate, report.NoticedRelief, report.WorstSinceLastReview, report.CurrentGrade, alarm is not null, hardMaxInProtocolUnits);
        var next = state with { Rate = step.NewRate, ReviewsDone = state.ReviewsDone + 1 };
        if (step.Action == TitrationAction.Freeze)
        {
            next = next with { Frozen = true, FrozenRate = state.Rate };
        }

        string reason = Reason(step.Why, report.CurrentKind, report.CurrentGrade, report.WorstKindSinceLastReview, report.WorstSinceLastReview, alarm);
        return new(step.Action, step.NewRate, reason, next);
    }

    /// <summary>
    /// The rules on plain values, in their order of precedence; <see cref="Review"/> wraps it in records and words. A freeze
    /// freezes at <paramref name="rate"/>.
    /// </summary>
    /// <param name="alarmHolds">An alarm the raise rule names went off since the last review.</param>
    internal TitrationStep Decide(double rate, bool frozen, double? frozenRate, bool noticedRelief, SideEffectGrade worstSinceLastReview, SideEffectGrade currentGrade,
        bool alarmHolds, double hardMaxInProtocolUnits)
    {
        double ceiling = Math.Min(_rules.Cap ?? double.PositiveInfinity, hardMaxInProtocolUnits);
        if (_rules.Raise is { LinearTo: { } target })
        {
            ceiling = Math.Min(ceiling, target);
        }

        if (_rules.Lower is { } lower && currentGrade >= lower.OnSideEffectGrade)
        {
            return new(TitrationAction.Lower, Math.Max(rate - lower.By, 0), TitrationWhy.Lowered);
        }

        if (frozen)
        {
            double effective = frozenRate ?? rate;
            if (rate < effective && worstSinceLastReview < (_rules.Lower?.OnSideEffectGrade ?? SideEffectGrade.Severe))
            {
                return new(TitrationAction.Restore, Math.Min(effective, rate + Step(rate)), TitrationWhy.Restored);
            }

            return new(TitrationAction.Hold, rate, TitrationWhy.FrozenHold);
        }

        if (_rules.FreezeOnNoticedRelief && noticedRelief)
        {
            return new(TitrationAction.Freeze, rate, TitrationWhy.Freeze);
        }

        var raise = _rules.Raise;
        if (raise is null)
        {
            return new(TitrationAction.Hold, rate, TitrationWhy.NoRaiseRule);
        }

        if (raise.UnlessNoticedRelief && noticedRelief)
        {
            return new(TitrationAction.Hold, rate, TitrationWhy.ReliefHold);
        }

        if (raise.UnlessSideEffectGrade is { } g && worstSinceLastReview >= g)
        {
            return new(TitrationAction.Hold, rate, TitrationWhy.SideEffectHold);
        }

        if (alarmHolds)
        {
            return new(TitrationAction.Hold, rate, TitrationWhy.AlarmHold);
        }

        if (rate >= ceiling - 1e-9)
        {
            return new(TitrationAction.Hold, rate, ceiling < (_rules.Cap ?? double.PositiveInfinity) ? TitrationWhy.AtHardLimit : TitrationWhy.AtMaximum);
        }

        return new(TitrationAction.Raise, Math.Min(rate + Step(rate), ceiling), TitrationWhy.Raised);
    }

    /// <summary>The words a log and a trainee read for a decision.</summary>
    /// <param name="alarm">The alarm that held a raise (<see cref="TitrationWhy.AlarmHold"/>).</param>
    internal string Reason(TitrationWhy why, SideEffectKind? currentKind, SideEffectGrade currentGrade, SideEffectKind? worstKind, SideEffectGrade worstSinceLastReview, string? alarm) => why switch
    {
        TitrationWhy.Lowered => $"lowered by {F(_rules.Lower!.By)}: {Describe(currentKind, currentGrade)}",
        TitrationWhy.Restored => "side effects subsided: back towards the effective dose",
        TitrationWhy.FrozenHold => "frozen at the effective dose",
        TitrationWhy.Freeze => "patient notices pain reduction: effective dose",
        TitrationWhy.NoRaiseRule => "protocol has no raise rule",
        TitrationWhy.ReliefHold => "patient notices pain reduction",
        TitrationWhy.SideEffectHold => $"held: {Describe(worstKind, worstSinceLastReview)}",
        TitrationWhy.AlarmHold => $"held: alarm {alarm}",
        TitrationWhy.AtHardLimit => "at the hard limit",
        TitrationWhy.AtMaximum => "at the protocol's maximum",
        TitrationWhy.Raised => "no relief and no side effects: raised",
        _ => throw new ArgumentOutOfRangeException(nameof(why)),
    };

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

        // Indexed, not foreach: an interface's enumerator is an allocation at every raise.
        var steps = raise.Steps!;
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Below is null || rate < step.Below.Value - 1e-9)
            {
                return step.By;
            }
        }

        return steps[^1].By;
    }

    private static string Describe(SideEffectKind? kind, SideEffectGrade grade) =>
        kind is null ? $"{grade.ToString().ToLowerInvariant()} side effect"
            : $"{grade.ToString().ToLowerInvariant()} {SideEffectKinds.Name(kind.Value)}";

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
