using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>A co-medication given on a schedule or on a trigger (midazolam, clonidine).</summary>
public sealed record CoMedication(
    [property: JsonRequired] Drug Drug,
    [property: JsonRequired] double DoseMg,
    [property: JsonRequired] CoMedicationWhen When,
    double Probability = 1,
    double? EveryH = null,
    double? MinIntervalH = null,
    IReadOnlyList<string>? SideEffects = null,
    string? Route = null,
    string? Source = null,
    string? Assumed = null);

public enum Drug
{
    Midazolam,
    Clonidine,
}

public enum CoMedicationWhen
{
    /// <summary>Throughout treatment (transdermal clonidine).</summary>
    Continuous,

    /// <summary>Once at the start of the admission.</summary>
    AtStart,

    /// <summary>Before each session.</summary>
    EachSession,

    /// <summary>Every N hours during treatment.</summary>
    Every,

    /// <summary>When one of the listed side effects is present at an observation.</summary>
    OnSideEffect,
}
