namespace WardTwin.Model.Pk;

/// <summary>
/// A patient's PK/PD state: modal coordinates relative to the current rate's steady state. Advancing
/// multiplies each mode by its exponential; changing the rate shifts the modes. Both are exact. Only the
/// modes the product can excite are held (see <see cref="PkPdSystem.ActiveModes"/>); the rest are zero.
/// </summary>
public sealed class PkPdState
{
    private readonly PkPdSystem _system;
    private double[] _modal;

    // Decay factors for the two step lengths seen last: hourly observations, and the steps to reviews between them.
    private double[] _decay0, _decay1;
    private double _decay0Dt = double.NaN, _decay1Dt = double.NaN;
    private int _decayCacheNext;
    private double[] _projected;

    public PkPdState(PkPdSystem system)
    {
        _system = system;
        int k = system.ActiveModes.Length;
        _modal = new double[k];
        _projected = new double[k];
        _decay0 = new double[k];
        _decay1 = new double[k];
    }

    /// <summary>
    /// Back to nothing given at 0 h, for the system's current patient (after <see cref="PkPdSystem.Reset"/>): a cohort's runner
    /// reuses the state and its arrays from admission to admission. The decay cache is dropped, since the eigenvalues changed.
    /// </summary>
    internal void Reset()
    {
        int k = _system.ActiveModes.Length;
        if (_modal.Length != k)
        {
            _modal = new double[k];
            _projected = new double[k];
            _decay0 = new double[k];
            _decay1 = new double[k];
        }

        Array.Clear(_modal);
        _decay0Dt = _decay1Dt = double.NaN;
        _decayCacheNext = 0;
        TimeH = 0;
        RateMgPerH = 0;
        DeliveredMg = 0;
    }

    /// <summary>Whether this state moves on <paramref name="system"/>.</summary>
    internal bool MovesOn(PkPdSystem system) => ReferenceEquals(system, _system);

    /// <summary>This state becomes a copy of <paramref name="other"/>, which moves on the same system (no snapshot allocated), as
    /// <see cref="Restore"/> of its <see cref="Snapshot"/> would make it.</summary>
    internal void CopyFrom(PkPdState other)
    {
        if (!ReferenceEquals(other._system, _system))
        {
            throw new ArgumentException("the state copied moves on another system", nameof(other));
        }

        if (_modal.Length != other._modal.Length)
        {
            Reset();
        }

        // The decay cache may hold another patient's exponentials (a reused state): dropped.
        _decay0Dt = _decay1Dt = double.NaN;
        _decayCacheNext = 0;
        other._modal.CopyTo(_modal, 0);
        TimeH = other.TimeH;
        RateMgPerH = other.RateMgPerH;
        DeliveredMg = other.DeliveredMg;
    }

    public double TimeH { get; private set; }

    public double RateMgPerH { get; private set; }

    /// <summary>Product delivered so far, mg.</summary>
    public double DeliveredMg { get; private set; }

    /// <summary>All modal coordinates, the inactive ones zero.</summary>
    public double[] Modal()
    {
        var full = new double[PkPdSystem.StateCount];
        var active = _system.ActiveModes;
        for (int j = 0; j < active.Length; j++)
        {
            full[active[j]] = _modal[j];
        }

        return full;
    }

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

        var decay = DecayFor(dt);
        for (int j = 0; j < _modal.Length; j++)
        {
            _modal[j] *= decay[j];
        }

        DeliveredMg += RateMgPerH * dt;
        TimeH = timeH;
    }

    private double[] DecayFor(double dt)
    {
        if (dt == _decay0Dt)
        {
            return _decay0;
        }

        if (dt == _decay1Dt)
        {
            return _decay1;
        }

        int slot = _decayCacheNext;
        _decayCacheNext ^= 1;
        var decay = slot == 0 ? _decay0 : _decay1;
        var l = _system.ActiveEigenvalues;
        for (int j = 0; j < decay.Length; j++)
        {
            decay[j] = Math.Exp(l[j] * dt);
        }

        if (slot == 0)
        {
            _decay0Dt = dt;
        }
        else
        {
            _decay1Dt = dt;
        }

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

        var w = _system.ActiveModalSteadyStatePerUnitRate;
        for (int j = 0; j < _modal.Length; j++)
        {
            _modal[j] += delta * w[j];
        }

        RateMgPerH = rateMgPerH;
    }

    public Concentrations Concentrations => _system.Evaluate(_modal, RateMgPerH);

    /// <summary>Plasma concentrations alone (what a plateau averages); effect sites left at zero.</summary>
    public Concentrations PlasmaConcentrations => _system.EvaluatePlasma(_modal, RateMgPerH);

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
        var l = _system.ActiveEigenvalues;
        for (int j = 0; j < _modal.Length; j++)
        {
            _projected[j] = _modal[j] * Math.Exp(l[j] * dt);
        }

        return _system.Evaluate(_projected, RateMgPerH);
    }

    /// <summary>The fast effect site from now on at the current rate: steady state and each mode's coefficient and rate.</summary>
    public (double SteadyNgPerMl, double[] Coefficients, double[] RatesPerH) FastEffectModes()
    {
        var (steady, weights) = _system.FastEffectOutput();
        var modal = Modal();
        var coefficients = new double[modal.Length];
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = weights[i] * modal[i];
        }

        return (steady * RateMgPerH, coefficients, _system.Eigenvalues.ToArray());
    }

    public double[] FullState() => _system.State(Modal(), RateMgPerH);

    /// <summary>A copy of the state that can be stored and restored (grains persist it).</summary>
    public PkPdSnapshot Snapshot() => new(TimeH, RateMgPerH, DeliveredMg, Modal());

    public void Restore(PkPdSnapshot snapshot)
    {
        if (snapshot.Modal.Length != PkPdSystem.StateCount)
        {
            throw new ArgumentException($"snapshot has {snapshot.Modal.Length} modes, expected {PkPdSystem.StateCount}", nameof(snapshot));
        }

        var active = _system.ActiveModes;
        for (int i = 0; i < snapshot.Modal.Length; i++)
        {
            if (snapshot.Modal[i] != 0 && Array.IndexOf(active, i) < 0)
            {
                throw new ArgumentException($"snapshot moves mode {i}, which no rate of this product can excite: it was stored for another patient or product", nameof(snapshot));
            }
        }

        for (int j = 0; j < active.Length; j++)
        {
            _modal[j] = snapshot.Modal[active[j]];
        }

        TimeH = snapshot.TimeH;
        RateMgPerH = snapshot.RateMgPerH;
        DeliveredMg = snapshot.DeliveredMg;
    }
}

/// <summary>Stored form of <see cref="PkPdState"/>.</summary>
public sealed record PkPdSnapshot(double TimeH, double RateMgPerH, double DeliveredMg, double[] Modal);
