using System.ComponentModel.DataAnnotations;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/patients/{ward}/{n}/midazolam. The patient refuses doses above the parameter file's maximum; this only bounds garbage.</summary>
public sealed record MidazolamRequest
{
    [Range(0, 1000, MinimumIsExclusive = true)]
    public double DoseMg { get; init; } = 2;
}
