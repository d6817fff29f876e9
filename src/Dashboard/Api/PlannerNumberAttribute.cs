using System.ComponentModel.DataAnnotations;
using WardTwin.Application.Planner;

namespace WardTwin.Dashboard.Api;

/// <summary>A request field checked by the planner's shared rule (<see cref="PlannerNumbers"/>), the one the command line applies too.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlannerNumberAttribute(PlannerNumber number) : ValidationAttribute
{
    public PlannerNumber Number { get; } = number;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        double? given = value switch { int i => i, double d => d, _ => null };
        return given is { } v && PlannerNumbers.Problem(Number, v) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}
