using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>An infusion protocol as a data file: product, schedule, rates and limits, titration, co-medication, outcomes, cohort.</summary>
public sealed record Protocol(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Name,
    [property: JsonRequired] string Source,
    [property: JsonRequired] Product Product,
    [property: JsonRequired] Setting Setting,
    [property: JsonRequired] string Cohort,
    [property: JsonRequired] Schedule Schedule,
    [property: JsonRequired] RateSpec Rate,
    [property: JsonRequired] Limits Limits,
    [property: JsonRequired] Assessments Assessments,
    Arm Arm = Arm.Active,
    StartTime? Start = null,
    Titration? Titration = null,
    IReadOnlyList<CoMedication>? CoMedication = null,
    OutcomeTimes? Outcomes = null,
    EarlyDischarge? EarlyDischarge = null,
    Bag? Bag = null,
    string? Notes = null,
    Retreatment? Retreatment = null)
{
    public StartTime StartOrDefault => Start ?? new StartTime();

    public OutcomeTimes OutcomesOrDefault => Outcomes ?? new OutcomeTimes();

    /// <summary>No retreatment unless the protocol says so: a one-course protocol over a horizon of years is one course.</summary>
    public Retreatment RetreatmentOrNone => Retreatment ?? new Retreatment(RetreatmentPolicy.None);

    public IReadOnlyList<CoMedication> CoMedicationOrEmpty => CoMedication ?? [];

    /// <summary>The same protocol run as its placebo arm: saline on the same schedule, titrated blind.</summary>
    public Protocol AsPlacebo() => this with { Id = Id.EndsWith("-placebo", StringComparison.Ordinal) ? Id : Id + "-placebo", Arm = Arm.Placebo, Name = Name + " (placebo arm)" };

    public bool IsInpatient => Setting is not Setting.DayCare;
}
