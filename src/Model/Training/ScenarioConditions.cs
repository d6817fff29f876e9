using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>One bed's model state as a scenario condition reads it.</summary>
public sealed record ConditionState(
    double PlasmaSKetamineNgPerMl,
    double FastEffectNgPerMl,
    double SlowEffectNgPerMl,
    IReadOnlyDictionary<string, int> SideEffectGrades,
    double HrPerMin,
    double SbpMmHg,
    double Spo2Percent);

/// <summary>Whether a scenario's condition holds for a bed's state now.</summary>
public static class ScenarioConditions
{
    public static bool Holds(ScenarioCondition c, ConditionState s)
    {
        if (c.Quantity == ConditionQuantity.SideEffectGrade)
        {
            return s.SideEffectGrades.TryGetValue(c.SideEffect ?? string.Empty, out int grade) && grade >= (int)(c.AtLeast ?? SideEffectGrade.Mild);
        }

        double x = c.Quantity switch
        {
            ConditionQuantity.PlasmaSKetamineNgPerMl => s.PlasmaSKetamineNgPerMl,
            ConditionQuantity.FastEffectNgPerMl => s.FastEffectNgPerMl,
            ConditionQuantity.SlowEffectNgPerMl => s.SlowEffectNgPerMl,
            ConditionQuantity.HrPerMin => s.HrPerMin,
            ConditionQuantity.SbpMmHg => s.SbpMmHg,
            ConditionQuantity.Spo2Percent => s.Spo2Percent,
            _ => throw new ArgumentOutOfRangeException(nameof(c), $"unknown quantity {c.Quantity}"),
        };
        return c.Above is { } above ? x > above : c.Below is { } below && x < below;
    }
}
