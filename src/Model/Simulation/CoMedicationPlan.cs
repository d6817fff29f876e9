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
    private readonly bool _clonidinePatch;

    // Per medication, the side effects that trigger it, resolved from their names once (observations are hourly).
    private readonly SideEffectKind[][] _triggers;
    private double _lastMidazolamH = double.NegativeInfinity;
    private double _lastClonidineOralH = double.NegativeInfinity;

    public CoMedicationPlan(Protocol protocol, SideEffectParameters parameters, VirtualPatient patient)
    {
        _meds = protocol.CoMedicationOrEmpty;
        _parameters = parameters;
        var draw = SeededRandom.For(patient.Seed, patient.Index, StreamPurpose.CoMedication);
        for (int m = 0; m < _meds.Count; m++)
        {
            bool given = draw.NextDouble() < _meds[m].Probability;
            _clonidinePatch |= given && _meds[m].Drug == Drug.Clonidine && _meds[m].When == CoMedicationWhen.Continuous;
        }

        _triggers = new SideEffectKind[_meds.Count][];
        for (int m = 0; m < _meds.Count; m++)
        {
            _triggers[m] = _meds[m].When != CoMedicationWhen.OnSideEffect ? [] : [.. _meds[m].SideEffects!.Select(Kind)];
        }
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

    public CoMedicationEvent Scheduled(double t, int index) => Give(t, _meds[index], "scheduled");

    /// <summary>Doses the protocol gives for a side effect the nurse has just seen.</summary>
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
                    var given = Give(t, m, SideEffectKinds.Name(kind));
                    note?.Invoke(given);
                    break;
                }
            }
        }
    }

    public CoMedicationEvent ByHand(double t, double doseMg) =>
        Give(t, new CoMedication(Drug.Midazolam, doseMg, CoMedicationWhen.OnSideEffect), "given by hand") with { ByHand = true };

    private CoMedicationEvent Give(double t, CoMedication m, string why)
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

        return new CoMedicationEvent(t, m.Drug, m.DoseMg, why);
    }

    private static SideEffectKind Kind(string name) =>
        SideEffectKinds.TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown side effect '{name}' in the protocol's co-medication");

    private double LastDose(Drug drug) => drug == Drug.Midazolam ? _lastMidazolamH : _lastClonidineOralH;
}
