using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/cohorts: protocols compared on one seed (each id is checked against the data folder by the handler).</summary>
public sealed record CohortsRequest
{
    [Required]
    [Length(1, 6, ErrorMessage = "give 1 to 6 protocol ids")]
    public required string[] Protocols { get; init; }

    [Range(1, int.MaxValue)]
    public int Patients { get; init; } = 1000;

    [Range(0, 1e15)]
    public long Seed { get; init; } = 1;

    [AllowedValues("nl", "us", ErrorMessage = "must be one of nl, us")]
    public string Prices { get; init; } = "nl";

    /// <summary>One population for every protocol (like for like); default: each protocol's own cohort.</summary>
    [StringLength(80)]
    public string? Cohort { get; init; }

    /// <summary>The protocol the others are compared with; default: the first.</summary>
    [StringLength(80)]
    public string? Comparator { get; init; }
}
