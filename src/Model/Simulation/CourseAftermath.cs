using System.Diagnostics.CodeAnalysis;
using WardTwin.Model.Pd;
using WardTwin.Model.Pk;

namespace WardTwin.Model.Simulation;

/// <summary>
/// A course's aftermath: with the pump stopped only the effect sites' decay and the placebo response's fading move the pain,
/// so the state at the course's end gives the score at any later time exactly (the same noise as the course's own weekly
/// scores), and the state a next course of the same patient starts from. Times are the course's own hours, forward only.
/// </summary>
public sealed class CourseAftermath
{
    private readonly PkPdState _pk;
    private PainModel _pain;
    private VirtualPatient _patient;
    private double _endH;
    private PainMeasure _measure;
    private double _noiseSd;

    /// <param name="atEnd">The PK/PD state at the course's end, which the aftermath then moves forward (its own, not the course's).</param>
    internal CourseAftermath(PkPdState atEnd, PainModel pain, VirtualPatient patient, double endH, PainMeasure measure, double noiseSd)
    {
        _pk = atEnd;
        Reset(atEnd, pain, patient, endH, measure, noiseSd);
    }

    /// <summary>The state this aftermath moves (a reused one is set to the next course's end in place).</summary>
    internal PkPdState State => _pk;

    /// <summary>Whether this aftermath's state moves on <paramref name="system"/> (a reused one is kept only then).</summary>
    internal bool MovesOn(PkPdSystem system) => _pk.MovesOn(system);

    /// <summary>Another course's aftermath in this object: its state, already set to the course's end, is this one's own.</summary>
    [MemberNotNull(nameof(_pain), nameof(_patient))]
    internal void Reset(PkPdState atEnd, PainModel pain, VirtualPatient patient, double endH, PainMeasure measure, double noiseSd)
    {
        if (!ReferenceEquals(atEnd, _pk))
        {
            throw new ArgumentException("an aftermath is reset with its own state", nameof(atEnd));
        }

        _pain = pain;
        _patient = patient;
        _endH = endH;
        _measure = measure;
        _noiseSd = noiseSd;
    }

    public double EndH => _endH;

    /// <summary>The slow (pain) effect site now, ng/mL.</summary>
    public double SlowEffectNgPerMl => _pk.SlowEffectNgPerMl;

    /// <summary>The whole-number score the patient reports at <paramref name="timeH"/> (the course's hours, after its end).</summary>
    public int ScoreAt(double timeH)
    {
        _pk.AdvanceTo(timeH);
        double trueNrs = _pain.TrueNrs(_patient, _pk.SlowEffectNgPerMl, _pain.PlaceboRelief(_patient, timeH, _endH));
        return _pain.Report(trueNrs, _measure, _noiseSd * Admission.ReportNoise(_patient, _measure, timeH));
    }

    /// <summary>The state a next course starting at <paramref name="timeH"/> begins from, as that course's 0 h.</summary>
    public PkPdSnapshot HandOverAt(double timeH)
    {
        _pk.AdvanceTo(timeH);
        return _pk.Snapshot() with { TimeH = 0, DeliveredMg = 0 };
    }
}
