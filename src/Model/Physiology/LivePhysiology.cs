using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Physiology;

/// <summary>
/// A live walk's physiology state: drugs by hand, oxygen, ondansetron, and the lagged SpO2 carried from event to event.
/// The walk settles the lag to each event's time before it changes anything, so the state, like the PK, moves only at
/// events and inputs and a replay of the same inputs gives the same course.
/// </summary>
public sealed class LivePhysiology(ModelParameters parameters, VirtualPatient patient)
{
    private double _ondansetronAtH = double.NegativeInfinity;

    public BreathingModel Model { get; } = new(parameters.Physiology, parameters.Pk, patient.WeightKg, patient.RestingSpo2OnAirPercent);

    public BreathingState State { get; private set; } = BreathingState.Start(patient.WeightKg, patient.RestingSpo2OnAirPercent);

    /// <summary>Carries the lagged SpO2 along <paramref name="current"/> (the curve since the last event) to <paramref name="toH"/>.</summary>
    public void Settle(VitalsCurve current, double toH)
    {
        if (toH > current.FromH)
        {
            State = State with { Spo2DeltaAtFromH = Model.Spo2DeltaAt(current, State, toH) };
        }
    }

    public void Give(double timeH, Intervention i)
    {
        switch (i.Kind)
        {
            case InterventionKind.Midazolam:
                GiveMidazolam(timeH, i.Amount);
                break;
            case InterventionKind.Flumazenil:
                State = State with { Flumazenil = State.Flumazenil.Add(timeH, i.Amount) };
                break;
            case InterventionKind.Ondansetron:
                _ondansetronAtH = timeH;
                break;
            case InterventionKind.Oxygen:
                State = State with { OxygenLPerMin = i.Amount };
                break;
        }
    }

    /// <summary>Every midazolam dose, the protocol's and by hand, enters the PK.</summary>
    public void GiveMidazolam(double timeH, double mg) => State = State with { Midazolam = State.Midazolam.Add(timeH, mg) };

    public SideEffectGrade SedationGrade(double timeH) => Model.SedationGrade(State, timeH);

    public int NauseaGradesLowered(double timeH) =>
        timeH - _ondansetronAtH < parameters.Physiology.Ondansetron.EffectH ? parameters.Physiology.Ondansetron.NauseaGradesLowered : 0;

    /// <summary>An injected change in vital signs as the live physiology carries it (see <see cref="VitalsShift"/>).</summary>
    public VitalsShift Shift(Injection injection, VitalsCurve current, double timeH)
    {
        double drive = Model.Drive(State, timeH, current.FastEffectAt(timeH));
        double ventilation = Model.Ventilation(current.Baseline.RrPerMin, drive, injection.RrChangePerMin).VentilationFraction;
        double extraAa = injection.Spo2ChangePercent == 0 ? 0 : Model.ExtraAaForDrop(ventilation, State.OxygenLPerMin, -injection.Spo2ChangePercent);
        double dbp = injection.SbpChangeMmHg * parameters.Vitals.DbpShareOfBpVariation;
        return new VitalsShift(injection.HrChangePerMin, injection.SbpChangeMmHg, dbp, injection.Spo2ChangePercent, timeH + injection.DurationH,
            injection.RrChangePerMin, extraAa, Math.Max(0, current.FastEffectAt(timeH)));
    }
}
