using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/patients/{ward}/{n}/rate. The pump applies its own soft and hard limits; this only bounds garbage.</summary>
public sealed record RateRequest
{
    [Range(0, 10_000)]
    public required double RateMgPerH { get; init; }

    /// <summary>Set when the user confirmed a rate above the soft limit.</summary>
    public bool Confirm { get; init; }

    /// <summary>The pump's revision the user confirmed on (from the reply that asked): refused if the pump has changed since.</summary>
    public long? Revision { get; init; }
}
