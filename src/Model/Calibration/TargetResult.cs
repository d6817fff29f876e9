namespace WardTwin.Model.Calibration;

/// <summary>A target next to what the model gives: residual in units of the interval's half-width.</summary>
public sealed record TargetResult(CalibrationTarget Target, double Low, double High, double Simulated)
{
    public double HalfWidth => Math.Max((High - Low) / 2, 1e-6);

    public double Residual => (Simulated - Target.Published) / HalfWidth;

    public bool Inside => Simulated >= Low - 1e-12 && Simulated <= High + 1e-12;
}
