using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Simulation;

/// <summary>
/// A patient's co-medication under a protocol: who gets a clonidine patch (drawn once), doses on a
/// schedule, doses triggered by a side effect (with the protocol's minimum interval), doses by hand,
/// and which of them still acts.
/// </summary>
internal sealed class CoMedicationPlan
{
    private readonly IReadOnlyList<CoMedication> _meds;
    private readonly SideEffectParameters _parameters;
    private bool _clonidinePatch;

    // Per medication, the side effects that trigger it, resolved from their names once per protocol (observations are hourly).
    private readonly SideEffectKind[][] _triggers;
    private double _lastMidazolamH = double.NegativeInfinity;
    private double _lastClonidineOralH = double.NegativeInfinity;

    public CoMedicationPlan(ProtocolPlan plan, VirtualPatient patient)
    {
        _meds = plan.CoMedications;
        _parameters = plan.Parameters.SideEffects;
        _triggers = plan.CoMedicationTriggers;
        Reset(patient);
    }

    /// <summary>Whether this plan was made for the protocol of <paramref name="plan"/> (a reused one is kept only then).</summary>
    public bool Fits(ProtocolPlan plan) => ReferenceEquals(_triggers, plan.CoMedicationTriggers) && ReferenceEquals(_parameters, plan.Parameters.SideEffects);

    /// <summary>Another patient, nothing given yet: a cohort's runner reuses the plan from admission to admission.</summary>
    public void Reset(VirtualPatient patient)
    {
        var draw = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.CoMedication);
        _clonidinePatch = false;
        for (int m = 0; m < _meds.Count; m++)
        {
            bool given = draw.NextDouble() < _meds[m].Probability;
            _clonidinePatch |= given && _meds[m].Drug == Drug.Clonidine && _meds[m].When == CoMedicationWhen.Continuous;
        }

        _lastMidazolamH = double.NegativeInfinity;
        _lastClonidineOralH = double.NegativeInfinity;
        MidazolamDoses = 0;
    }

    /// <summary>Resolves each medication's triggering side effects from their names (once per protocol).</summary>
    public static SideEffectKind[][] Triggers(IReadOnlyList<CoMedication> meds)
    {
        var triggers = new SideEffectKind[meds.Count][];
        for (int m = 0; m < meds.Count; m++)
        {
            triggers[m] = meds[m].When != CoMedicationWhen.OnSideEffect ? [] : [.. meds[m].SideEffects!.Select(Kind)];
        }

        return triggers;
    }

    public int MidazolamDoses { get; private set; }

    /// <summary>Told of each midazolam dose (time, mg), the protocol's and by hand: a live walk's PK takes it in.</summary>
    public Action<double, double>? OnMidazolam { get; set; }

    public double LastMidazolamH => _lastMidazolamH;

    public bool MidazolamActive(double t) => t - _lastMidazolamH < _parameters.MidazolamEffectH;

    /// <summary>Until when clonidine acts, as known now: the oral dose's end, or (the patch) the end of treatment.</summary>
    public double ClonidineUntilH(bool treatmentEnded, double treatmentEndH) =>
        _clonidinePatch && !treatmentEnded ? double.PositiveInfinity
        : Math.Max(_lastClonidineOralH + _parameters.ClonidineOralEffectH, _clonidinePatch ? treatmentEndH : double.NegativeInfinity);

    /// <summary>Oral clonidine within its effect time, or the patch while treatment lasts.</summary>
    public bool ClonidineActive(double t, bool treatmentEnded) =>
        t - _lastClonidineOralH < _parameters.ClonidineOralEffectH || (_clonidinePatch && !treatmentEnded);

    /// <summary>A scheduled dose; the event for a log only when <paramref name="describe"/> (a cohort keeps none).</summary>
    public CoMedicationEvent? Scheduled(double t, int index, bool describe)
    {
        var m = _meds[index];
        Give(t, m);
        return describe ? new CoMedicationEvent(t, m.Drug, m.DoseMg, "scheduled") : null;
    }

    /// <summary>Doses the protocol gives for a side effect the nurse has just seen; <paramref name="note"/> hears of each (null: nobody listens).</summary>
    public void Trigger(double t, ObservationTracker tracker, Action<AdmissionEvent>? note)
    {
        for (int i = 0; i < _meds.Count; i++)
        {
            var m = _meds[i];
            if (m.When != CoMedicationWhen.OnSideEffect || t - LastDose(m.Drug) < (m.MinIntervalH ?? 0))
            {
                continue;
            }

            var current = tracker.Current;
            foreach (var kind in _triggers[i])
            {
                if (current[(int)kind] > SideEffectGrade.None)
                {
                    Give(t, m);
                    note?.Invoke(new CoMedicationEvent(t, m.Drug, m.DoseMg, SideEffectKinds.Name(kind)));
                    break;
                }
            }
        }
    }

    public CoMedicationEvent ByHand(double t, double doseMg)
    {
        Give(t, new CoMedication(Drug.Midazolam, doseMg, CoMedicationWhen.OnSideEffect));
        return new CoMedicationEvent(t, Drug.Midazolam, doseMg, "given by hand") { ByHand = true };
    }

    private void Give(double t, CoMedication m)
    {
        if (m.Drug == Drug.Midazolam)
        {
            _lastMidazolamH = t;
            MidazolamDoses++;
            OnMidazolam?.Invoke(t, m.DoseMg);
        }
        else
        {
            _lastClonidineOralH = t;
        }
    }

    private static SideEffectKind Kind(string name) =>
        SideEffectKinds.TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown side effect '{name}' in the protocol's co-medication");

    private double LastDose(Drug drug) => drug == Drug.Midazolam ? _lastMidazolamH : _lastClonidineOralH;
}
