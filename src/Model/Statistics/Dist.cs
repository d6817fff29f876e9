using MathNet.Numerics.Statistics;

namespace WardTwin.Model.Statistics;

/// <summary>Mean, SD, median and quartiles of a sample (the schema's "dist").</summary>
public sealed record Dist(double Mean, double Sd, double Median, double Q1, double Q3, int N)
{
    public static Dist Of(IEnumerable<double> values)
    {
        var data = values.Where(double.IsFinite).ToArray();
        if (data.Length == 0)
        {
            return new Dist(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        Array.Sort(data);
        var (mean, variance) = data.Length > 1 ? data.MeanVariance() : (data[0], 0.0);
        return new Dist(mean, Math.Sqrt(variance),
            SortedArrayStatistics.Median(data),
            SortedArrayStatistics.LowerQuartile(data),
            SortedArrayStatistics.UpperQuartile(data),
            data.Length);
    }

    public double Iqr => Q3 - Q1;
}
