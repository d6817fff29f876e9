using WardTwin.Model.Pd;

namespace WardTwin.Model.Protocols;

/// <summary>
/// T1 and T2 relative to the end of treatment, the follow-up that goes with them (model card section 6):
/// T2 a fixed time or a per-patient distribution, weekly scores to a horizon, all in one pain measure.
/// </summary>
public sealed record OutcomeTimes(
    double T1AfterEndH = 0,
    OutcomeTime? T2WeeksAfterEnd = null,
    int FollowUpVisits = 1,
    int FollowUpHorizonWeeks = OutcomeTimes.DefaultHorizonWeeks,
    PainMeasure Measure = PainMeasure.Current,
    string? Source = null,
    string? Assumed = null)
{
    public const int DefaultHorizonWeeks = 26;

    public OutcomeTime T2 => T2WeeksAfterEnd ?? OutcomeTime.Fixed(4);
}
