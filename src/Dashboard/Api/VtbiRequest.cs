using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/patients/{ward}/{n}/vtbi; null clears the volume to be infused.</summary>
public sealed record VtbiRequest
{
    [Range(0.1, 5000)]
    public double? VtbiMl { get; init; }
}
