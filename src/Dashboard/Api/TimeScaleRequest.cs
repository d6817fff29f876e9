namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/wards/{ward}/time-scale.</summary>
public sealed record TimeScaleRequest
{
    public required TimeScale TimeScale { get; init; }
}
