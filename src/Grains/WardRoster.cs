namespace WardTwin.Grains;

/// <summary>
/// Who is on a ward and who waits: its beds, the waiting list fed by its arrivals, the admissions and discharges
/// counted, and occupancy over time. Plain bookkeeping (no calls): the ward grain admits and moves the patients.
/// </summary>
internal sealed class WardRoster
{
    private readonly Queue<double> _waiting = new();
    private readonly List<OccupancyPoint> _occupancy = [];

    private WardRoster(WardBeds beds, ArrivalStream? arrivals, int admitted, int discharged)
    {
        Beds = beds;
        Arrivals = arrivals;
        Admitted = admitted;
        Discharged = discharged;
    }

    public WardBeds Beds { get; }

    public ArrivalStream? Arrivals { get; }

    public int Admitted { get; private set; }

    public int Discharged { get; private set; }

    public int Occupied => Beds.Occupied;

    public int WaitingCount => _waiting.Count;

    public IReadOnlyList<OccupancyPoint> Occupancy => _occupancy;

    /// <summary>A ward before its first start, or a stopped one: counts only.</summary>
    public static WardRoster Empty(int admitted = 0, int discharged = 0) => new(new WardBeds(0), null, admitted, discharged);

    /// <summary>A new start: every bed empty, arrivals from the first.</summary>
    public static WardRoster Start(WardConfig config, int admitted, int discharged) => new(new WardBeds(config.Beds), new ArrivalStream(config), admitted, discharged);

    /// <summary>A running ward as it stored itself.</summary>
    public static WardRoster Restore(WardState s)
    {
        var roster = new WardRoster(new WardBeds(s.Beds), new ArrivalStream(s.Config!, s.NextArrivalH, s.ScheduleIndex, s.ArrivalsRandomState), s.Admitted, s.Discharged);
        foreach (var w in s.Waiting)
        {
            roster._waiting.Enqueue(w);
        }

        roster._occupancy.AddRange(s.Occupancy);
        return roster;
    }

    /// <summary>Everyone who arrived up to <paramref name="untilH"/> joins the waiting list.</summary>
    public void Arrive(double untilH)
    {
        foreach (double arrival in Arrivals!.Until(untilH))
        {
            _waiting.Enqueue(arrival);
        }
    }

    /// <summary>The free beds the waiting list fills now, first come first served (they leave the list).</summary>
    public List<int> BedsForWaiting()
    {
        var free = new List<int>();
        for (int b = 0; b < Beds.Count && free.Count < _waiting.Count; b++)
        {
            if (Beds[b] is null)
            {
                free.Add(b);
            }
        }

        for (int i = 0; i < free.Count; i++)
        {
            _waiting.Dequeue();
        }

        return free;
    }

    /// <summary>A new admission to a bed: its grain key and who it is (a scenario names each bed's first patient; later ones are drawn as on any ward).</summary>
    public (string Id, PatientAdmission Admission) Admit(string wardId, int bed, double atH, WardConfig c)
    {
        string id = new AdmissionKey(wardId, Admitted).ToString();
        var named = c.Patients?.FirstOrDefault(p => p.Bed == bed) is { } p0 && atH == 0 ? p0 : null;
        var admission = new PatientAdmission(wardId, bed, c.ProtocolId, named?.Seed ?? c.Seed, named?.Index ?? Admitted, atH, c.MonitorHz, c.AutoNurse, named?.Overrides, c.TraineeTitrates, c.TraineeFromH, c.TraineeCoMedicates);
        Admitted++;
        Beds.Occupy(bed, id);
        return (id, admission);
    }

    /// <summary>Frees a bed (its patient went home); returns who was in it.</summary>
    public string Free(int bed)
    {
        string id = Beds[bed]!;
        Beds.Free(bed);
        Discharged++;
        return id;
    }

    /// <summary>Adds a point to occupancy over time when beds or the waiting list changed.</summary>
    public void NoteOccupancy(double simH)
    {
        if (_occupancy.Count == 0 || _occupancy[^1].Occupied != Occupied || _occupancy[^1].Waiting != _waiting.Count)
        {
            _occupancy.Add(new OccupancyPoint(simH, Occupied, _waiting.Count));
        }
    }

    /// <summary>What the ward stores: the roster with the clock and configuration it runs under.</summary>
    public WardState ToState(WardConfig? config, double simH, WardClock? clock, bool stopped) => new(
        config, [.. Beds.Ids], simH, clock?.Running ?? false, clock?.TimeScale ?? 1, Arrivals?.NextH ?? double.PositiveInfinity, Arrivals?.ScheduleIndex ?? 0, Arrivals?.RandomState ?? 0,
        [.. _waiting], Admitted, Discharged, [.. _occupancy], stopped, clock?.Anchor ?? default, clock?.AnchorH ?? 0);

    /// <summary>A bed number the ward has, or the reason it has not.</summary>
    public void CheckBed(int bed)
    {
        if (bed < 0 || bed >= Beds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(bed), $"bed {bed} does not exist (beds 0..{Beds.Count - 1})");
        }
    }

    /// <summary>A configuration a ward can start with, or the reason it cannot.</summary>
    public static void Check(WardConfig config)
    {
        if (config.Beds is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"beds must be 1..100000, not {config.Beds}");
        }

        if (config.MonitorHz <= 0 || config.ArrivalsPerDay < 0 || config.MaxSpeedStepH <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), "monitor Hz and the max-speed step must be > 0, arrivals per day >= 0");
        }

        if (config.Patients is { } scenarioBeds && scenarioBeds.Any(p => p.Bed < 0 || p.Bed >= config.Beds))
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"a patient's bed is outside 0..{config.Beds - 1}");
        }
    }
}
