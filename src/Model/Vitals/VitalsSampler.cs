using WardTwin.Model.Parameters;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Vitals;

/// <summary>
/// What a monitor reads: the true value plus slow drift (Ornstein-Uhlenbeck, exact for any step),
/// measurement noise and, when asked, artefacts (probe off, motion) arriving as Poisson events.
/// </summary>
public sealed class VitalsSampler(VitalsParameters p, SeededRandom random)
{
    private SeededRandom _random = random;
    private double _hrDrift, _bpDrift, _spo2Drift;
    private double _lastTimeH = double.NaN;
    private double _artefactUntilH = double.NegativeInfinity;
    private VitalsArtefact _artefact;
    private double _stepH = double.NaN, _decay, _innovation;

    /// <summary>Where the sampler stands (noise stream, drifts, artefact), so a host can store and continue it.</summary>
    public VitalsSamplerPosition Position => new(_random.Position, _hrDrift, _bpDrift, _spo2Drift, _lastTimeH, _artefactUntilH, _artefact);

    /// <summary>Whether the sampler reads these parameters (a reused one is kept only then).</summary>
    internal bool Fits(VitalsParameters parameters) => ReferenceEquals(p, parameters);

    /// <summary>A fresh sampler on another stream (another patient): a cohort's runner reuses it from admission to admission.</summary>
    internal void Reset(SeededRandom random)
    {
        _random = random;
        _hrDrift = _bpDrift = _spo2Drift = 0;
        _lastTimeH = double.NaN;
        _artefactUntilH = double.NegativeInfinity;
        _artefact = VitalsArtefact.None;
        _stepH = double.NaN;
        _decay = _innovation = 0;
    }

    public void Restore(VitalsSamplerPosition position)
    {
        _random = SeededRandom.From(position.Random);
        (_hrDrift, _bpDrift, _spo2Drift) = (position.HrDrift, position.BpDrift, position.Spo2Drift);
        (_lastTimeH, _artefactUntilH, _artefact) = (position.LastTimeH, position.ArtefactUntilH, position.Artefact);
    }

    public VitalSigns Sample(double timeH, VitalSigns expected, bool withArtefacts)
    {
        double dt = double.IsNaN(_lastTimeH) ? double.PositiveInfinity : Math.Max(timeH - _lastTimeH, 0);
        _lastTimeH = timeH;
        if (dt != _stepH)
        {
            // Observations mostly come at one spacing: keep the drift's decay for it.
            _stepH = dt;
            _decay = double.IsPositiveInfinity(dt) ? 0 : Math.Exp(-dt / p.DriftTauH);
            _innovation = Math.Sqrt(1 - (_decay * _decay));
        }

        double a = _decay, s = _innovation;
        _hrDrift = (a * _hrDrift) + (p.HrDriftSd * s * ZigguratNormal.Next(ref _random));
        _bpDrift = (a * _bpDrift) + (p.BpDriftSd * s * ZigguratNormal.Next(ref _random));
        _spo2Drift = (a * _spo2Drift) + (p.Spo2DriftSd * s * ZigguratNormal.Next(ref _random));

        var v = new VitalSigns(
            expected.HrPerMin + _hrDrift + (p.HrNoiseSd * ZigguratNormal.Next(ref _random)),
            expected.SbpMmHg + _bpDrift + (p.BpNoiseSd * ZigguratNormal.Next(ref _random)),
            expected.DbpMmHg + (p.DbpShareOfBpVariation * _bpDrift) + (p.BpNoiseSd * p.DbpShareOfBpVariation * ZigguratNormal.Next(ref _random)),
            Math.Min(100, expected.Spo2Percent + _spo2Drift + (p.Spo2NoiseSd * ZigguratNormal.Next(ref _random))),
            Math.Max(0, expected.RrPerMin + (p.RrNoiseSd * ZigguratNormal.Next(ref _random))));

        return withArtefacts ? ApplyArtefacts(timeH, dt, v) : v;
    }

    private VitalSigns ApplyArtefacts(double timeH, double dt, VitalSigns v)
    {
        if (timeH >= _artefactUntilH)
        {
            _artefact = VitalsArtefact.None;
            double step = double.IsPositiveInfinity(dt) ? 0 : dt;
            double u = _random.NextDouble();
            double pProbe = 1 - Math.Exp(-p.ProbeOffPerH * step);
            double pMotion = 1 - Math.Exp(-p.MotionPerH * step);
            if (u < pProbe)
            {
                _artefact = VitalsArtefact.ProbeOff;
            }
            else if (u < pProbe + pMotion)
            {
                _artefact = VitalsArtefact.Motion;
            }

            if (_artefact != VitalsArtefact.None)
            {
                _artefactUntilH = timeH + (p.ArtefactDurationS / 3600.0);
            }
        }

        // A loose probe reads a falsely low saturation; motion corrupts the pulse rate.
        return _artefact switch
        {
            VitalsArtefact.ProbeOff => v with { Spo2Percent = Math.Max(0, v.Spo2Percent - p.ProbeOffSpo2Drop), Artefact = VitalsArtefact.ProbeOff },
            VitalsArtefact.Motion => v with { HrPerMin = v.HrPerMin * p.MotionHrFactor, Artefact = VitalsArtefact.Motion },
            _ => v,
        };
    }
}
