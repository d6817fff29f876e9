namespace WardTwin.Model.Statistics;

/// <summary>
/// A log-normal read from a reported median and IQR: its quartiles sit at median·e^(∓0.6745σ), so
/// q1·q3 = median² and q3 − q1 = IQR fix σ. Used where a reported duration or time is skewed.
/// </summary>
public static class SkewedQuartiles
{
    private const double QuartileZ = 0.6744897501960817;

    public static double LogSigma(double median, double iqr)
    {
        if (median <= 0 || iqr <= 0)
        {
            return 0;
        }

        double q1 = (-iqr + Math.Sqrt((iqr * iqr) + (4 * median * median))) / 2;
        return Math.Log((q1 + iqr) / q1) / (2 * QuartileZ);
    }
}
