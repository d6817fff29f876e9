namespace WardTwin.Model.Pk;

/// <summary>
/// A patient's PK/PD state: modal coordinates relative to the current rate's steady state. Advancing
/// multiplies each mode by its exponential; changing the rate shifts the modes. Both are exact.
/// </summary>
public sealed class PkPdState
{
    private readonly PkPdSystem _system;
    private readonly double[] _modal = new double[PkPdSystem.StateCount];
    // Decay factors for the two step lengths seen last: hourly observations, and the steps to reviews between them.
    private readonly double[][] _decayCache = [new double[PkPdSystem.StateCount], new double[PkPdSystem.StateCount]];
    private readonly double[] _decayCacheDt = [double.NaN, double.NaN];
    private int _decayCacheNext;
    private readonly double[] _projected = new double[PkPdSystem.StateCount];

    public PkPdState(PkPdSystem system)
    {
        _system = system;
    }

    public double TimeH { get; private set; }

    public double RateMgPerH { get; private set; }

    /// <summary>Product delivered so far, mg.</summary>
    public double DeliveredMg { get; private set; }

    public ReadOnlySpan<double> Modal => _modal;

    public void AdvanceTo(double timeH)
    {
        double dt = timeH - TimeH;
        if (dt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeH), $"simulation time cannot go back from {TimeH} h to {timeH} h");
        }

        if (dt == 0)
        {
            return;
        }

        var active = _system.ActiveModes;
        var decay = DecayFor(dt, active);
        foreach (int i in active)
        {
            _modal[i] *= decay[i];
        }

        DeliveredMg += RateMgPerH * dt;
        TimeH = timeH;
    }

    private double[] DecayFor(double dt, int[] active)
    {
        if (dt == _decayCacheDt[0])
        {
            return _decayCache[0];
        }

        if (dt == _decayCacheDt[1])
        {
            return _decayCache[1];
        }

        int slot = _decayCacheNext;
        _decayCacheNext ^= 1;
        var decay = _decayCache[slot];
        var l = _system.Eigenvalues;
        foreach (int i in active)
        {
            decay[i] = Math.Exp(l[i] * dt);
        }

        _decayCacheDt[slot] = dt;
        return decay;
    }

    public void SetRate(double rateMgPerH)
    {
        if (rateMgPerH < 0 || !double.IsFinite(rateMgPerH))
        {
            throw new ArgumentOutOfRangeException(nameof(rateMgPerH), $"rate must be a finite number >= 0, is {rateMgPerH}");
        }

        double delta = RateMgPerH - rateMgPerH;
        if (delta == 0)
        {
            return;
        }

        var w = _system.ModalSteadyStatePerUnitRate;
        foreach (int i in _system.ActiveModes)
        {
            _modal[i] += delta * w[i];
        }

        RateMgPerH = rateMgPerH;
    }

    public Concentrations Concentrations => _system.Evaluate(_modal, RateMgPerH);

    /// <summary>The slow (pain) effect site alone: one output row, which is all a pain score needs.</summary>
    public double SlowEffectNgPerMl => _system.SlowEffect(_modal, RateMgPerH);

    /// <summary>The fast (side-effect) effect site alone: what grading and vital signs need at every observation.</summary>
    public double FastEffectNgPerMl => _system.FastEffect(_modal, RateMgPerH);

    /// <summary>
    /// The concentrations at a later time at the current rate, without moving the state: a host can show
    /// any instant between events while the state itself moves only at events, so its course does not
    /// depend on how often the host looks (and a replay of the same events is bit-identical).
    /// </summary>
    public Concentrations ConcentrationsAt(double timeH)
    {
        double dt = Math.Max(0, timeH - TimeH);
        var l = _system.Eigenvalues;
        foreach (int i in _system.ActiveModes)
        {
            _projected[i] = _modal[i] * Math.Exp(l[i] * dt);
        }

        return _system.Evaluate(_projected, RateMgPerH);
    }

    /// <summary>The fast effect site from now on at the current rate: steady state and each mode's coefficient and rate.</summary>
    public (double SteadyNgPerMl, double[] Coefficients, double[] RatesPerH) FastEffectModes()
    {
        var (steady, weights) = _system.FastEffectOutput();
        var coefficients = new double[_modal.Length];
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = weights[i] * _modal[i];
        }

        return (steady * RateMgPerH, coefficients, _system.Eigenvalues.ToArray());
    }

    public double[] FullState() => _system.State(_modal, RateMgPerH);

    /// <summary>A copy of the state that can be stored and restored (grains persist it).</summary>
    public PkPdSnapshot Snapshot() => new(TimeH, RateMgPerH, DeliveredMg, _modal.ToArray());

    public void Restore(PkPdSnapshot snapshot)
    {
        if (snapshot.Modal.Length != _modal.Length)
        {
            throw new ArgumentException($"snapshot has {snapshot.Modal.Length} modes, expected {_modal.Length}", nameof(snapshot));
        }

        for (int i = 0; i < _modal.Length; i++)
        {
            if (snapshot.Modal[i] != 0 && Array.IndexOf(_system.ActiveModes, i) < 0)
            {
                throw new ArgumentException($"snapshot moves mode {i}, which no rate of this product can excite: it was stored for another patient or product", nameof(snapshot));
            }
        }

        snapshot.Modal.CopyTo(_modal, 0);
        TimeH = snapshot.TimeH;
        RateMgPerH = snapshot.RateMgPerH;
        DeliveredMg = snapshot.DeliveredMg;
    }
}

/// <summary>Stored form of <see cref="PkPdState"/>.</summary>
public sealed record PkPdSnapshot(double TimeH, double RateMgPerH, double DeliveredMg, double[] Modal);
