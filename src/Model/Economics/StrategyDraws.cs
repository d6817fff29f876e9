namespace WardTwin.Model.Economics;

/// <summary>One strategy's mean cost and effect per patient in each draw of a probabilistic analysis (draws aligned across strategies).</summary>
public sealed record StrategyDraws(string Id, double[] Cost, double[] Effect)
{
    public int Draws => Cost.Length;

    /// <summary>Net monetary benefit per draw at a willingness to pay per unit of effect.</summary>
    public double NetBenefit(int draw, double wtp) => (wtp * Effect[draw]) - Cost[draw];

    /// <summary>Checks a set of strategies can be compared draw by draw.</summary>
    public static void CheckAligned(IReadOnlyList<StrategyDraws> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        if (strategies.Count == 0)
        {
            throw new ArgumentException("no strategies to compare");
        }

        int draws = strategies[0].Draws;
        foreach (var s in strategies)
        {
            if (s.Cost.Length != draws || s.Effect.Length != draws || draws == 0)
            {
                throw new ArgumentException($"strategy {s.Id}: {s.Cost.Length} costs and {s.Effect.Length} effects, expected {draws} of each (and at least one)");
            }
        }
    }
}
