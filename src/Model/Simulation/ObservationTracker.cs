using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Pk;
using WardTwin.Model.Protocols;
using WardTwin.Model.Titration;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>What nursing observations have seen: side-effect grades (now, since the last review, ever), alarms, plateaus.</summary>
internal sealed class ObservationTracker(int alarmRules, double observationIntervalH)
{
    private readonly SideEffectGrade[] _current = new SideEffectGrade[SideEffectKinds.Count];
    private readonly SideEffectGrade[] _sinceReview = new SideEffectGrade[SideEffectKinds.Count];
    private readonly PlasmaLevels[] _plateau = new PlasmaLevels[Math.Max(1, (int)Math.Round(24 / observationIntervalH))];
    private int _plateauCount;
    private int _alarmsEver;
    private int _alarmsSinceReview;

    public bool[] BackgroundToday { get; } = new bool[SideEffectKinds.Count];

    public SideEffectGrade[] WorstEver { get; } = new SideEffectGrade[SideEffectKinds.Count];

    /// <summary>The worst drowsiness ketamine and background gave, leaving out midazolam's own.</summary>
    public SideEffectGrade WorstDrowsinessWithoutMidazolam { get; private set; }

    /// <summary>Hours in a row with a severe side effect (early-discharge rule).</summary>
    public double SevereHours { get; private set; }

    private readonly SideEffectGrade[] _forced = new SideEffectGrade[SideEffectKinds.Count];
    private readonly double[] _forcedUntilH = new double[SideEffectKinds.Count];
    private readonly SideEffectGrade[] _previous = new SideEffectGrade[SideEffectKinds.Count];

    /// <summary>Whether this tracker was made for these parameters (a reused one is kept only then).</summary>
    public bool Fits(int rules, double intervalH) => rules == alarmRules && intervalH == observationIntervalH;

    /// <summary>Nothing seen yet: a cohort's runner reuses the tracker from admission to admission.</summary>
    public void Reset()
    {
        Array.Clear(_current);
        Array.Clear(_sinceReview);
        Array.Clear(_plateau);
        Array.Clear(BackgroundToday);
        Array.Clear(WorstEver);
        Array.Clear(_forced);
        Array.Clear(_forcedUntilH);
        Array.Clear(_previous);
        _plateauCount = 0;
        _alarmsEver = 0;
        _alarmsSinceReview = 0;
        WorstDrowsinessWithoutMidazolam = SideEffectGrade.None;
        SevereHours = 0;
        PeakSNorketamineNgPerMl = 0;
    }

    /// <summary>A scenario shows this side effect at least at this grade until then, whatever the concentration.</summary>
    public void Force(SideEffectKind kind, SideEffectGrade grade, double untilH)
    {
        _forced[(int)kind] = grade;
        _forcedUntilH[(int)kind] = untilH;
    }

    /// <summary>The side effects whose grade changed at the latest observation (for a log).</summary>
    public IEnumerable<(SideEffectKind Kind, SideEffectGrade Grade)> Changes()
    {
        for (int k = 0; k < _current.Length; k++)
        {
            if (_current[k] != _previous[k])
            {
                yield return ((SideEffectKind)k, _current[k]);
            }
        }
    }

    /// <param name="scheduled">A scheduled observation counts towards hours in a row of severe effects; one made at an event does not.</param>
    /// <param name="sedation">The live ward's midazolam sedation grade (null: the card's fixed grade).</param>
    public void Grade(SideEffectModel model, VirtualPatient patient, double fastEffectNgPerMl, bool midazolamActive, double timeH, bool scheduled = true,
        SideEffectGrade? sedation = null, int nauseaGradesLowered = 0)
    {
        Array.Copy(_current, _previous, _current.Length);
        var drowsy = GradesAt(model, patient, fastEffectNgPerMl, midazolamActive, timeH, _current, sedation, nauseaGradesLowered);
        if (drowsy > WorstDrowsinessWithoutMidazolam)
        {
            WorstDrowsinessWithoutMidazolam = drowsy;
        }

        bool severe = false;
        for (int k = 0; k < _current.Length; k++)
        {
            var g = _current[k];
            if (g > WorstEver[k])
            {
                WorstEver[k] = g;
            }

            if (g > _sinceReview[k])
            {
                _sinceReview[k] = g;
            }

            severe |= g == SideEffectGrade.Severe;
        }

        if (scheduled)
        {
            SevereHours = severe ? SevereHours + observationIntervalH : 0;
        }
    }

    /// <summary>
    /// The grades at an instant, from the drug, today's background, midazolam and a scenario's forced grades, without
    /// recording anything (the live bedside shows them at every look, not only at the hourly observation).
    /// </summary>
    public SideEffectGrade GradesAt(SideEffectModel model, VirtualPatient patient, double fastEffectNgPerMl, bool midazolamActive, double timeH, Span<SideEffectGrade> into,
        SideEffectGrade? sedation = null, int nauseaGradesLowered = 0)
    {
        var drowsy = model.GradeAll(patient, fastEffectNgPerMl, midazolamActive, BackgroundToday, into, sedation, nauseaGradesLowered);
        for (int k = 0; k < into.Length; k++)
        {
            if (timeH < _forcedUntilH[k] && _forced[k] > into[k])
            {
                into[k] = _forced[k];
            }
        }

        return drowsy;
    }

    /// <summary>The grades at the latest observation, by side effect.</summary>
    public ReadOnlySpan<SideEffectGrade> Current => _current;

    public void RecordAlarms(int mask)
    {
        _alarmsEver |= mask;
        _alarmsSinceReview |= mask;
    }

    /// <summary>Plasma concentrations at an observation during infusion (effect sites are not averaged).</summary>
    public void RecordPlateau(Concentrations c)
    {
        _plateau[_plateauCount++ % _plateau.Length] = new(c.SKetamineNgPerMl, c.RKetamineNgPerMl, c.SNorketamineNgPerMl, c.RNorketamineNgPerMl);
        PeakSNorketamineNgPerMl = Math.Max(PeakSNorketamineNgPerMl, c.SNorketamineNgPerMl);
    }

    /// <summary>Highest S-norketamine at an observation during infusion (Sigtermans 2009 reports a peak, not a plateau).</summary>
    public double PeakSNorketamineNgPerMl { get; private set; }

    /// <summary>Bit i: alarm rule i went off since the last review.</summary>
    public int AlarmsSinceReview => _alarmsSinceReview;

    /// <summary>The worst grade since the last review and its side effect (the first of equals).</summary>
    public (SideEffectGrade Grade, SideEffectKind? Kind) WorstSinceReview => Max(_sinceReview);

    /// <summary>The worst grade at the latest observation and its side effect (the first of equals).</summary>
    public (SideEffectGrade Grade, SideEffectKind? Kind) WorstNow => Max(_current);

    public TitrationReport Report(bool noticedRelief, IReadOnlyList<AlarmRule> rules)
    {
        var (worst, worstKind) = WorstSinceReview;
        var (now, nowKind) = WorstNow;
        var alarms = new List<string>();
        for (int i = 0; i < rules.Count; i++)
        {
            if ((_alarmsSinceReview & (1 << i)) != 0)
            {
                alarms.Add(AlarmEvaluator.Name(rules[i]));
            }
        }

        return new TitrationReport(noticedRelief, worst, worstKind, now, nowKind, alarms);
    }

    /// <summary>The worst grade of each side effect seen since the last review, by name.</summary>
    public IReadOnlyDictionary<string, SideEffectGrade> SinceReviewByName()
    {
        var result = new Dictionary<string, SideEffectGrade>(_sinceReview.Length, StringComparer.Ordinal);
        for (int k = 0; k < _sinceReview.Length; k++)
        {
            result[SideEffectKinds.Name((SideEffectKind)k)] = _sinceReview[k];
        }

        return result;
    }

    public void ResetSinceReview()
    {
        Array.Clear(_sinceReview);
        _alarmsSinceReview = 0;
    }

    /// <summary>Bit i: alarm rule i went off at some observation.</summary>
    public int AlarmsEverMask => _alarmsEver;

    /// <summary>How many alarm rules the tracker follows.</summary>
    public int AlarmRules => alarmRules;

    public bool[] AlarmsEver()
    {
        var result = new bool[alarmRules];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (_alarmsEver & (1 << i)) != 0;
        }

        return result;
    }

    /// <summary>Mean concentrations over the last 24 h of infusion observations.</summary>
    public Concentrations Plateau()
    {
        int n = Math.Min(_plateauCount, _plateau.Length);
        if (n == 0)
        {
            return default;
        }

        double s = 0, r = 0, sn = 0, rn = 0;
        for (int i = 0; i < n; i++)
        {
            var c = _plateau[i];
            s += c.S;
            r += c.R;
            sn += c.SNor;
            rn += c.RNor;
        }

        return new Concentrations(s / n, r / n, sn / n, rn / n, 0, 0);
    }

    // What a plateau averages, no more: a live bed keeps 24 of these (the effect sites made the ring half as large again).
    private readonly record struct PlasmaLevels(double S, double R, double SNor, double RNor);

    private static (SideEffectGrade Grade, SideEffectKind? Kind) Max(SideEffectGrade[] grades)
    {
        var best = SideEffectGrade.None;
        SideEffectKind? kind = null;
        for (int k = 0; k < grades.Length; k++)
        {
            if (grades[k] > best)
            {
                best = grades[k];
                kind = (SideEffectKind)k;
            }
        }

        return (best, kind);
    }
}
