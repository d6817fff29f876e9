namespace WardTwin.Model.Physiology;

/// <summary>
/// A first-order lag (time constant τ) of an input, stepped on a fixed grid from a start: each step is the exact
/// response to the input drawn as a straight line between grid points, so the result depends on the start and the
/// input only, never on when someone looks. The grid is a numerical resolution, not a physiological value: at 10 s
/// and τ ≥ 0.5 min the straight-line error is far below a monitor's 1 % display step.
/// </summary>
public static class FirstOrderLag
{
    public const double GridH = 10.0 / 3600;

    /// <summary>The lagged value at <paramref name="toH"/>, starting from <paramref name="startValue"/> at <paramref name="fromH"/>.</summary>
    public static double Advance(double startValue, double fromH, double toH, double tauH, Func<double, double> input, ref LagCache cache)
    {
        if (toH <= fromH)
        {
            return startValue;
        }

        // Monitors sample forwards: go on from the last grid point reached unless asked about an earlier time.
        if (cache.FromH != fromH || cache.GridTimeH > toH || double.IsNaN(cache.Value))
        {
            cache = new LagCache(fromH, fromH, startValue, input(fromH));
        }

        double t = cache.GridTimeH, s = cache.Value, u = cache.Input;
        double decay = Math.Exp(-GridH / tauH);
        while (t + GridH <= toH)
        {
            double next = t + GridH, un = input(next);
            s = Step(s, u, un, GridH, tauH, decay);
            (t, u) = (next, un);
        }

        cache = new LagCache(fromH, t, s, u);
        double h = toH - t;
        return h <= 0 ? s : Step(s, u, input(toH), h, tauH, Math.Exp(-h / tauH));
    }

    private static double Step(double s0, double u0, double u1, double h, double tau, double decay) =>
        u1 + ((s0 - u0) * decay) - ((u1 - u0) * (tau / h) * (1 - decay));
}

/// <summary>Where a lag's stepping has got to (grid time, value, input there) from a start.</summary>
public record struct LagCache(double FromH, double GridTimeH, double Value, double Input)
{
    public static LagCache Empty => new(double.NaN, double.NaN, double.NaN, double.NaN);
}
