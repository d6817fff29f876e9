using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/wards/{ward}/start. Omitted fields take the run command's defaults.</summary>
public sealed record StartWardRequest
{
    [StringLength(80, MinimumLength = 1)]
    public string Protocol { get; init; } = "erasmus-7d";

    [Range(1, 10_000)]
    public int Beds { get; init; } = 8;

    public TimeScale TimeScale { get; init; } = TimeScale.RealTime;

    [Range(0, 1e15)]
    public long Seed { get; init; } = 1;

    [Range(0, 1000)]
    public double ArrivalsPerDay { get; init; }

    [Range(0.01, 100)]
    public double MonitorHz { get; init; } = 1;
}
