namespace WardTwin.Model.Randomness;

/// <summary>
/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005 form that takes
/// the layer from bits the uniform does not use). About 99 % of draws cost one 64-bit number and a
/// multiplication, against a logarithm and a square root per pair for the polar method: a monitor draws eight
/// normals per reading, which made its noise the costliest part of a cohort admission.
/// </summary>
/// <remarks>The tables are computed once from the method's two constants and never change.</remarks>
public static class ZigguratNormal
{
    private const int Layers = 128;

    // Right edge of the base layer and the area of each layer for 128 layers (Marsaglia and Tsang 2000).
    private const double TailStart = 3.442619855899;
    private const double LayerArea = 9.91256303526217e-3;

    private static readonly double[] Edge = BuildEdges();
    private static readonly double[] InnerRatio = BuildRatios(Edge);

    /// <summary>A standard normal draw from <paramref name="random"/>.</summary>
    public static double Next(ref SeededRandom random)
    {
        while (true)
        {
            ulong bits = random.NextUInt64();
            int layer = (int)(bits & (Layers - 1));
            double u = (2.0 * (((bits >> 11) + 0.5) * (1.0 / (1UL << 53)))) - 1.0;
            if (Math.Abs(u) < InnerRatio[layer])
            {
                return u * Edge[layer];
            }

            if (layer == 0)
            {
                return Tail(ref random, u < 0);
            }

            double x = u * Edge[layer];
            double f0 = Math.Exp(-0.5 * ((Edge[layer] * Edge[layer]) - (x * x)));
            double f1 = Math.Exp(-0.5 * ((Edge[layer + 1] * Edge[layer + 1]) - (x * x)));
            if (f1 + (random.NextDouble() * (f0 - f1)) < 1.0)
            {
                return x;
            }
        }
    }

    // Marsaglia's exact tail beyond the base layer's edge.
    private static double Tail(ref SeededRandom random, bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(random.NextDouble()) / TailStart;
            y = Math.Log(random.NextDouble());
        }
        while (-2 * y < x * x);

        return negative ? x - TailStart : TailStart - x;
    }

    private static double[] BuildEdges()
    {
        var x = new double[Layers + 1];
        double f = Math.Exp(-0.5 * TailStart * TailStart);
        x[0] = LayerArea / f;
        x[1] = TailStart;
        for (int i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2 * Math.Log((LayerArea / x[i - 1]) + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        x[Layers] = 0;
        return x;
    }

    private static double[] BuildRatios(double[] edge)
    {
        var r = new double[Layers];
        for (int i = 0; i < Layers; i++)
        {
            r[i] = edge[i + 1] / edge[i];
        }

        return r;
    }
}
