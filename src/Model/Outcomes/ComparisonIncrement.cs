namespace WardTwin.Model.Outcomes;

/// <summary>A protocol against the comparator: per patient cost and T1 responders, their ratio, bed-days freed, and the quadrant.</summary>
public sealed record ComparisonIncrement(string Comparator, double Cost, double RespondersT1, double? CostPerExtraResponderT1, double BedDaysFreed, string Currency, string Protocol)
{
    /// <summary>Which side of the comparator the protocol falls: a ratio of two negatives means savings per responder forgone.</summary>
    public string Quadrant => (Cost <= 0, RespondersT1 >= 0) switch
    {
        (true, true) => "dominant: cheaper and at least as effective",
        (false, false) => "dominated: dearer and less effective",
        (false, true) => "dearer and more effective: cost per extra responder",
        (true, false) => "cheaper and less effective: saving per responder forgone",
    };

    public string InWords => Economics.Incremental.QuadrantOf(Cost, RespondersT1) switch
    {
        Economics.Quadrant.NorthEast => $"{Protocol} costs {Cost:0} {Currency} more per patient than {Comparator} and gives {RespondersT1 * 100:0.#} more T1 responders per 100: {Cost / RespondersT1:0} {Currency} per extra responder",
        Economics.Quadrant.SouthEast => $"{Protocol} costs {-Cost:0} {Currency} less per patient than {Comparator} and gives {RespondersT1 * 100:0.#} more T1 responders per 100: it dominates",
        Economics.Quadrant.NorthWest => $"{Protocol} costs {Cost:0} {Currency} more per patient than {Comparator} and gives {-RespondersT1 * 100:0.#} fewer T1 responders per 100: it is dominated",
        _ => Math.Abs(RespondersT1) < 1e-12
            ? $"{Protocol} costs {-Cost:0} {Currency} less per patient than {Comparator} for the same T1 responders"
            : $"{Protocol} costs {-Cost:0} {Currency} less per patient than {Comparator} and gives {-RespondersT1 * 100:0.#} fewer T1 responders per 100: {Cost / RespondersT1:0} {Currency} saved per responder forgone",
    };
}
