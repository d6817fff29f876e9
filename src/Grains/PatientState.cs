using System.Collections.Immutable;

namespace WardTwin.Grains;

/// <summary>
/// What a patient grain stores: the admission (who, under which protocol, when) and every input by hand
/// at its walk time. The walk is a pure function of these, so a new activation replays them to exactly the
/// state the last write left (PK/PD modes, random streams, pump, care plan) instead of storing the model.
/// </summary>
/// Once the treatment has ended it also stores where the walk had got to, so a patient collected after discharge
/// comes back at its end rather than at its last input.
[GenerateSerializer]
public sealed record PatientState(
    [property: Id(0)] PatientAdmission? Admission,
    [property: Id(1)] ImmutableList<PatientInput> Inputs,
    [property: Id(2)] double? EndedAtWalkH = null)
{
    public PatientState()
        : this(null, ImmutableList<PatientInput>.Empty)
    {
    }
}

/// <summary>One input at a walk time (hours since admission): a pump key, a midazolam dose, a discharge by the ward, an injected event, or another drug or oxygen.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientInput(
    [property: Id(0)] double WalkTimeH,
    [property: Id(1)] PumpKeyPress? Pump,
    [property: Id(2)] double? MidazolamMg,
    [property: Id(3)] string? DischargeReason = null,
    [property: Id(4)] InjectionInput? Injection = null,
    [property: Id(5)] InterventionInput? Intervention = null);
