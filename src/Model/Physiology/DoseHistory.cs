namespace WardTwin.Model.Physiology;

/// <summary>The i.v. boluses of one drug so far: when (hours of the walk) and how many mg.</summary>
public sealed record DoseHistory(double[] TimesH, double[] Mg)
{
    public static DoseHistory None { get; } = new([], []);

    public int Count => TimesH.Length;

    public DoseHistory Add(double timeH, double mg) => new([.. TimesH, timeH], [.. Mg, mg]);

    /// <summary>Milligrams given after <paramref name="fromH"/> up to and including <paramref name="toH"/>.</summary>
    public double MgBetween(double fromH, double toH)
    {
        double mg = 0;
        for (int i = 0; i < Count; i++)
        {
            mg += TimesH[i] > fromH && TimesH[i] <= toH ? Mg[i] : 0;
        }

        return mg;
    }
}
