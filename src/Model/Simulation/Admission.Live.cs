using WardTwin.Model.Parameters;
using WardTwin.Model.Physiology;
using WardTwin.Model.Protocols;
using WardTwin.Model.Pump;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>What a live ward does to an admission between its events: the host's clock, the pump's keys, a dose, an
/// intervention, a discharge, a scenario's injection, and what the bedside shows now.</summary>
public sealed partial class Admission
{
    /// <summary>The host's clock reached <paramref name="timeH"/>: handle every event up to it.</summary>
    public void AdvanceTo(double timeH)
    {
        while (NextEventTimeH is { } next && next <= timeH)
        {
            ProcessNext();
        }

        ClockH = Math.Max(ClockH, timeH);
    }

    /// <summary>A key pressed on the pump by hand at the host's clock. Refused once treatment has ended.</summary>
    public PumpResult Operate(PumpAction action)
    {
        double t = ClockH;
        PumpResult result;
        if (TreatmentEnded)
        {
            result = new PumpResult(PumpOutcome.Refused, $"patient {Patient.Index} was discharged at {_treatmentEndH:0.##} h: the pump is no longer in use", Pump.RateMgPerH);
        }
        else
        {
            AdvancePk(t);
            result = _pump.Operate(t, action);
            if (result.Accepted)
            {
                Deliver(_pump.Pump.DeliveredRateMgPerH);
                if (action.Kind == PumpActionKind.SetRate)
                {
                    // Later reviews continue from the rate set by hand.
                    _titrationRate = Pump.RateMgPerH / _mgPerHPerProtocolUnit;
                    _outcome.NoteRate(Pump.RateMgPerH);
                }
            }
        }

        Note(new PumpHandEvent(t, action, result.Outcome, result.Message));
        return result;
    }

    /// <summary>Midazolam given by hand (a trainee answering agitation) at the host's clock; refused once treatment has ended.</summary>
    public void GiveMidazolam(double doseMg)
    {
        if (TreatmentEnded)
        {
            throw new InvalidOperationException($"patient {Patient.Index} was discharged at {_treatmentEndH:0.##} h: no more doses on this ward");
        }

        AdvancePk(ClockH);
        // Given whether or not the log is kept (a null-conditional Add would skip the dose itself).
        Note(_comedication.ByHand(ClockH, doseMg));
    }

    /// <summary>The ward discharges the patient now (before the protocol's end): the pump stops, follow-up begins.</summary>
    public void Discharge(string reason)
    {
        if (!TreatmentEnded)
        {
            AdvancePk(ClockH);
            EndTreatment(ClockH, reason, byHand: true);
        }
    }

    /// <summary>Side-effect grades at the latest nursing observation, by kind (card section 4).</summary>
    /// <remarks>A live walk grades them at the host's clock instead, at every look: the sedation of a dose shows within minutes, a
    /// side effect that has ended goes at once.</remarks>
    public IReadOnlyDictionary<string, SideEffectGrade> CurrentSideEffects()
    {
        ReadOnlySpan<SideEffectGrade> current = _live is null ? _tracker.Current : GradesNow();
        var result = new Dictionary<string, SideEffectGrade>(SideEffectKinds.Count, StringComparer.Ordinal);
        for (int k = 0; k < current.Length; k++)
        {
            result[SideEffectKinds.Name((SideEffectKind)k)] = current[k];
        }

        return result;
    }

    private SideEffectGrade[] GradesNow()
    {
        double t = ClockH;
        var grades = new SideEffectGrade[SideEffectKinds.Count];
        _tracker.GradesAt(_sideEffects, Patient, _pk.ConcentrationsAt(t).FastEffectNgPerMl, _comedication.MidazolamActive(t), t, grades,
            _live!.SedationGrade(t), _live.NauseaGradesLowered(t));
        return grades;
    }

    /// <summary>
    /// The true vital signs from the last event on, as a curve a monitor can evaluate at any instant until
    /// the next event (the PK/PD state moves only at events); <see cref="VitalsCurve.FromH"/> changes with each.
    /// </summary>
    public VitalsCurve TruthCurve()
    {
        var (steady, coefficients, rates) = _pk.FastEffectModes();
        return new VitalsCurve(_pk.TimeH, steady, coefficients, rates, Patient.Vitals,
            _comedication.ClonidineUntilH(TreatmentEnded, _treatmentEndH), _comedication.LastMidazolamH, TreatmentEnded, _vitalsShift, _probeOffUntilH, _live?.State);
    }

    /// <summary>The live walk's breathing and sedation model (null on a cohort's walk).</summary>
    public BreathingModel? Breathing => _live?.Model;

    /// <summary>The pump's faults now, for the bed's technical alarms.</summary>
    public DeviceConditions Devices => Pump.State switch
    {
        PumpState.Occluded => DeviceConditions.PumpOccluded,
        PumpState.Empty => DeviceConditions.BagEmpty,
        _ => DeviceConditions.None,
    };

    /// <summary>A drug by hand or oxygen at the host's clock (a live walk's); refused once treatment has ended.</summary>
    public void Give(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        if (intervention.Kind == InterventionKind.Midazolam)
        {
            GiveMidazolam(intervention.Amount);
            return;
        }

        if (_live is null)
        {
            throw new InvalidOperationException($"{intervention.Describe()}: only a live ward's patient has the breathing model");
        }

        if (TreatmentEnded)
        {
            throw new InvalidOperationException($"patient {Patient.Index} was discharged at {_treatmentEndH:0.##} h: nothing more is given on this ward");
        }

        AdvancePk(ClockH);
        _live.Give(ClockH, intervention);
        Note(new InterventionEvent(ClockH, intervention));
    }

    /// <summary>The patient's true vital signs at the host's clock, before monitor noise.</summary>
    public VitalSigns ExpectedVitals()
    {
        double t = ClockH;
        if (_live is not null)
        {
            return TruthCurve().At(t, _vitals, _live.Model);
        }

        var v = _vitals.Expected(Patient, _pk.ConcentrationsAt(t).FastEffectNgPerMl, _comedication.ClonidineActive(t, TreatmentEnded), t - _comedication.LastMidazolamH);
        return _vitalsShift?.Apply(v, t) ?? v;
    }

    /// <summary>
    /// Puts an event from outside the protocol into the walk at the host's clock (a scenario's or an instructor's). A side
    /// effect is seen at once (the nurse is called); pump faults act on the pump; a host journals it so a replay matches.
    /// </summary>
    public void Inject(Injection injection)
    {
        double t = ClockH;
        AdvancePk(t);
        Note(new InjectedEvent(t, injection));
        switch (injection.Kind)
        {
            case InjectionKind.SideEffect:
                _tracker.Force(injection.SideEffect ?? throw new ArgumentException("a side-effect event needs its side effect"), injection.Grade ?? SideEffectGrade.Severe, t + injection.DurationH);
                Observe(t, scheduled: false);
                break;
            case InjectionKind.VitalsChange when _live is not null:
                _vitalsShift = _live.Shift(injection, TruthCurve(), t);
                break;
            case InjectionKind.VitalsChange:
                double dbp = injection.SbpChangeMmHg * _parameters.Vitals.DbpShareOfBpVariation;
                _vitalsShift = new VitalsShift(injection.HrChangePerMin, injection.SbpChangeMmHg, dbp, injection.Spo2ChangePercent, t + injection.DurationH, injection.RrChangePerMin);
                break;
            case InjectionKind.ProbeOff:
                _probeOffUntilH = t + injection.DurationH;
                break;
            case InjectionKind.Occlusion when !TreatmentEnded:
                _pump.OccludeLine(t);
                Note(new PumpAlertEvent(t, "line occluded: delivery stopped", NewBagHung: false, PumpEventKind.Occlusion));
                Deliver(_pump.Pump.DeliveredRateMgPerH);
                break;
            case InjectionKind.BagEmpty when !TreatmentEnded:
                var (delivered, alert) = _pump.EmptyBag(t);
                Note(alert);
                Deliver(delivered);
                break;
        }
    }
}
