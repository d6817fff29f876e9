namespace WardTwin.Grains;

/// <summary>
/// One simulation clock: simulation hours as a function of real time and a time scale (real time 1,
/// k× accelerated, +∞ as fast as possible), with pause and resume. Real time comes from a TimeProvider,
/// so tests run it on a fake one. It is anchored to a wall-clock instant, which a ward stores: a ward
/// that was down (its silo lost) catches up to where its clock stands, as a twin of real time should.
/// </summary>
public sealed class WardClock(TimeProvider time, double timeScale)
{
    private DateTimeOffset _anchor = time.GetUtcNow();
    private double _anchorH;

    /// <summary>The wall-clock instant at which the clock read <see cref="AnchorH"/>.</summary>
    public DateTimeOffset Anchor => _anchor;

    public double AnchorH => _anchorH;

    public double TimeScale { get; private set; } = Validate(timeScale);

    public bool Running { get; private set; }

    public bool AsFastAsPossible => double.IsPositiveInfinity(TimeScale);

    /// <summary>Where the clock should be now; as fast as possible, the caller decides the step.</summary>
    public double TargetH(double currentH, double maxStepH)
    {
        if (!Running)
        {
            return currentH;
        }

        if (AsFastAsPossible)
        {
            return currentH + maxStepH;
        }

        double realH = Math.Max(0, (time.GetUtcNow() - _anchor).TotalHours);
        return Math.Max(currentH, _anchorH + (realH * TimeScale));
    }

    public void Start(double atH)
    {
        Reanchor(atH);
        Running = true;
    }

    public void Pause() => Running = false;

    /// <summary>Back to a stored anchor (a ward activated again).</summary>
    public void Restore(DateTimeOffset anchor, double anchorH, bool running)
    {
        _anchor = anchor;
        _anchorH = anchorH;
        Running = running;
    }

    public void SetTimeScale(double timeScale, double atH)
    {
        TimeScale = Validate(timeScale);
        Reanchor(atH);
    }

    private void Reanchor(double atH)
    {
        _anchor = time.GetUtcNow();
        _anchorH = atH;
    }

    private static double Validate(double timeScale) => timeScale > 0 && !double.IsNaN(timeScale)
        ? timeScale
        : throw new ArgumentOutOfRangeException(nameof(timeScale), $"time scale must be > 0 (1 real time, k accelerated, max as fast as possible), not {timeScale}");
}
