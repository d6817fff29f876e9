namespace WardTwin.Model.Calibration;

/// <summary>A statistic of a simulated cohort; a median keeps its sample, which the binomial rule judges.</summary>
public sealed record TargetStatistic(double Value, double[]? Sample = null)
{
    public static implicit operator TargetStatistic(double value) => new(value);
}
