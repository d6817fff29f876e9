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
    private readonly PainModel _pain;
    private readonly VirtualPatient _patient;
    private readonly double _endH;
    private readonly PainMeasure _measure;
    private readonly double _noiseSd;

    internal CourseAftermath(PkPdState pk, PkPdSnapshot atEnd, PainModel pain, VirtualPatient patient, double endH, PainMeasure measure, double noiseSd)
    {
        _pk = pk;
        _pk.Restore(atEnd);
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
