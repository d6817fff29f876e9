using System.Globalization;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Titration;

namespace WardTwin.Model.Simulation;

/// <summary>
/// One line of an admission's log, as a typed record: hosts read its fields (metric tags, tests, a
/// debrief), and <see cref="Kind"/> with <see cref="Detail"/> are only how a person reads it.
/// </summary>
public abstract record AdmissionEvent(double TimeH)
{
    public abstract string Kind { get; }

    public abstract string Detail { get; }

    protected static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A titration review's decision and why.</summary>
public sealed record TitrationEvent(double TimeH, TitrationAction Action, double FromRate, double ToRate, string UnitSymbol, string Reason, int Nrs)
    : AdmissionEvent(TimeH)
{
    public override string Kind => "titration";

    public override string Detail => $"{Action.ToString().ToLowerInvariant()} {F(FromRate)} -> {F(ToRate)} {UnitSymbol}: {Reason} (NRS {Nrs})";
}

/// <summary>A key pressed on the pump by hand (a trainee), with the pump's answer.</summary>
public sealed record PumpHandEvent(double TimeH, PumpAction Action, PumpOutcome Outcome, string Message) : AdmissionEvent(TimeH)
{
    public override string Kind => "pump";

    public override string Detail => Outcome == PumpOutcome.Accepted ? $"{Action} by hand" : $"{Action} by hand: {Outcome.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>The pump changed delivery by itself (bag near-empty, empty, volume to be infused reached, an occluded line) and what the ward nurse did.</summary>
public sealed record PumpAlertEvent(double TimeH, string What, bool NewBagHung, PumpEventKind? Cause = null) : AdmissionEvent(TimeH)
{
    public override string Kind => "pump";

    public override string Detail => NewBagHung ? $"{What}: new bag hung" : What;
}

/// <summary>A co-medication dose (scheduled, triggered by a side effect, or given by hand: <paramref name="ByHand"/>).</summary>
public sealed record CoMedicationEvent(double TimeH, Drug Drug, double DoseMg, string Why, bool ByHand = false) : AdmissionEvent(TimeH)
{
    public override string Kind => "co-medication";

    public override string Detail => $"{Drug.ToString().ToLowerInvariant()} {DoseMg.ToString("0.##", CultureInfo.InvariantCulture)} mg ({Why})";
}

/// <summary>The end of treatment: as planned, or early with the reason (<paramref name="ByHand"/>: the ward's staff discharged the patient).</summary>
public sealed record DischargeEvent(double TimeH, string? EarlyReason, bool ByHand = false) : AdmissionEvent(TimeH)
{
    public override string Kind => "discharge";

    public override string Detail => EarlyReason is null ? "end of treatment" : $"early discharge: {EarlyReason}";
}

/// <summary>A titration review the trainee decides: what the protocol's rule would set (in the protocol's unit and in mg/h), why, and what it read (<paramref name="Seen"/>).</summary>
public sealed record ReviewDueEvent(double TimeH, TitrationAction Action, double FromRate, double ToRate, string UnitSymbol, string Reason, int Nrs, double FromMgPerH, double ToMgPerH, TitrationReport Seen)
    : AdmissionEvent(TimeH)
{
    public override string Kind => "review";

    public override string Detail => $"review due: the protocol would {Action.ToString().ToLowerInvariant()} {F(FromRate)} -> {F(ToRate)} {UnitSymbol}: {Reason} (NRS {Nrs})";
}

/// <summary>A nursing observation saw a side effect at a new grade.</summary>
public sealed record SideEffectChangeEvent(double TimeH, Parameters.SideEffectKind SideEffect, SideEffectGrade Grade) : AdmissionEvent(TimeH)
{
    public override string Kind => "side-effect";

    public override string Detail => $"{Parameters.SideEffectKinds.Name(SideEffect)} {Grade.ToString().ToLowerInvariant()}";
}

/// <summary>Something put into the admission from outside the protocol (a scenario's event or an instructor's).</summary>
public sealed record InjectedEvent(double TimeH, Injection Injection) : AdmissionEvent(TimeH)
{
    public override string Kind => "event";

    public override string Detail => Injection.Describe();
}

/// <summary>A drug given by hand beyond midazolam (flumazenil, ondansetron) or nasal oxygen set.</summary>
public sealed record InterventionEvent(double TimeH, Physiology.Intervention Intervention) : AdmissionEvent(TimeH)
{
    public override string Kind => "intervention";

    public override string Detail => Intervention.Describe();
}
