namespace WardTwin.Grains;

/// <summary>
/// A ward's beds: who is in each, what each patient said at the last tick, and whether its last move failed
/// (with the reason and how many ticks in a row), so one failing bed is shown and retried, never fatal.
/// </summary>
internal sealed class WardBeds(int count)
{
    private readonly string?[] _ids = new string?[count];
    private readonly PatientTick?[] _ticks = new PatientTick?[count];
    private readonly BedFault?[] _faults = new BedFault?[count];

    public WardBeds(IReadOnlyList<string?> ids)
        : this(ids.Count)
    {
        for (int b = 0; b < ids.Count; b++)
        {
            _ids[b] = ids[b];
        }
    }

    public int Count => _ids.Length;

    public int Occupied => _ids.Count(b => b is not null);

    public string? this[int bed] => _ids[bed];

    public IReadOnlyList<string?> Ids => _ids;

    public bool Ended(int bed) => _ticks[bed] is { TreatmentEnded: true };

    public void Occupy(int bed, string id) => (_ids[bed], _ticks[bed], _faults[bed]) = (id, null, null);

    public void Free(int bed) => (_ids[bed], _ticks[bed], _faults[bed]) = (null, null, null);

    /// <summary>The bed moved; returns how many ticks it had failed before (0: it was well).</summary>
    public int Moved(int bed, PatientTick tick)
    {
        _ticks[bed] = tick;
        int failures = _faults[bed]?.Count ?? 0;
        _faults[bed] = null;
        return failures;
    }

    /// <summary>The bed failed to move; returns true the first time in a row (the time to log it).</summary>
    public bool Failed(int bed, Exception error)
    {
        bool first = _faults[bed] is null;
        _faults[bed] = new BedFault(Errors.OneLine(error), (_faults[bed]?.Count ?? 0) + 1);
        return first;
    }

    public List<BedStatus> Status()
    {
        var beds = new List<BedStatus>(_ids.Length);
        for (int b = 0; b < _ids.Length; b++)
        {
            var t = _ticks[b];
            beds.Add(new BedStatus(b, _ids[b], t is null ? null : (t.HoursSinceAdmission / 24) + 1, t?.DeliveredRateMgPerH, t?.LastNrs, t?.Vitals, [], _faults[b]?.Error));
        }

        return beds;
    }

    private sealed record BedFault(string Error, int Count);
}
