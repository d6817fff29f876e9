using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/capacity: the capacity question of the `capacity` command, for one to six protocols.</summary>
public sealed record CapacityRequest
{
    [Required]
    [Length(1, 6, ErrorMessage = "give 1 to 6 protocol ids")]
    public required string[] Protocols { get; init; }

    [Range(0.1, 100_000)]
    public required double PatientsPerYear { get; init; }

    [Range(1, 500)]
    public int Beds { get; init; } = 4;

    [Range(1, 500)]
    public int Chairs { get; init; } = 2;

    [AllowedValues("weekdays", "all", ErrorMessage = "must be weekdays or all")]
    public string Opening { get; init; } = "weekdays";

    [Range(0.1, 20)]
    public double Years { get; init; } = 5;

    [Range(1, 100)]
    public int Replications { get; init; } = 10;

    [Range(0, 3650)]
    public double TargetWaitDays { get; init; } = 28;

    [Range(0, 1e15)]
    public long Seed { get; init; } = 1;
}
