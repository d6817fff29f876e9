namespace WardTwin.Model.Economics;

/// <summary>
/// Sequential incremental analysis on expected cost and effect (Drummond et al.; dampack's calculate_icers):
/// strategies sorted by cost; a strategy costing more for no more effect than another is dominated; one whose
/// ICER against the previous non-dominated strategy exceeds the next one's is extendedly dominated; the rest
/// form the efficiency frontier, each with its ICER against the one before it.
/// </summary>
public static class EfficiencyFrontier
{
    public static IReadOnlyList<FrontierRow> Analyse(IReadOnlyList<(string Id, double Cost, double Effect)> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var rows = strategies.Select(s => new FrontierRow(s.Id, s.Cost, s.Effect, FrontierStatus.Frontier, null, null))
            .OrderBy(r => r.Cost).ThenByDescending(r => r.Effect).ToList();

        // Strong dominance: another costs no more and gives at least as much (strictly better in one).
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (rows.Any(o => !ReferenceEquals(o, r) && o.Cost <= r.Cost && o.Effect >= r.Effect && (o.Cost < r.Cost || o.Effect > r.Effect)))
            {
                rows[i] = r with { Status = FrontierStatus.Dominated };
            }
        }

        // Extended dominance, repeated until no ICER falls along the frontier.
        bool changed = true;
        while (changed)
        {
            changed = false;
            var open = rows.Where(r => r.Status == FrontierStatus.Frontier).ToList();
            for (int i = 1; i < open.Count - 1; i++)
            {
                double here = Icer(open[i - 1], open[i]);
                double next = Icer(open[i], open[i + 1]);
                if (here > next)
                {
                    int at = rows.IndexOf(open[i]);
                    rows[at] = rows[at] with { Status = FrontierStatus.ExtendedlyDominated };
                    changed = true;
                    break;
                }
            }
        }

        var frontier = rows.Where(r => r.Status == FrontierStatus.Frontier).ToList();
        for (int i = 1; i < frontier.Count; i++)
        {
            int at = rows.IndexOf(frontier[i]);
            rows[at] = rows[at] with { ComparedWith = frontier[i - 1].Id, Icer = Icer(frontier[i - 1], frontier[i]) };
        }

        return rows;
    }

    private static double Icer(FrontierRow from, FrontierRow to) => (to.Cost - from.Cost) / (to.Effect - from.Effect);
}

public enum FrontierStatus
{
    Frontier,
    Dominated,
    ExtendedlyDominated,
}

/// <summary>A strategy's place: on the frontier (with its ICER against the previous frontier strategy) or dominated.</summary>
public sealed record FrontierRow(string Id, double Cost, double Effect, FrontierStatus Status, string? ComparedWith, double? Icer);
