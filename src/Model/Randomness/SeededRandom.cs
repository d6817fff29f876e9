namespace WardTwin.Model.Randomness;

/// <summary>
/// A small keyed SplitMix64 stream. Every patient and every purpose within a patient gets its own
/// stream derived from (seed, patient index, purpose), so a patient's course never depends on which
/// thread, silo or order runs it, and changing one sub-model does not shift another's draws.
/// </summary>
public struct SeededRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;
    private double _spareNormal;
    private bool _hasSpare;

    public SeededRandom(ulong state)
    {
        _state = state;
        _spareNormal = 0;
        _hasSpare = false;
    }

    /// <summary>Where the stream stands, so a host can store it and continue it later (<see cref="From"/>).</summary>
    public readonly SeededRandomPosition Position => new(_state, _spareNormal, _hasSpare);

    public static SeededRandom From(SeededRandomPosition position) =>
        new(position.State) { _spareNormal = position.SpareNormal, _hasSpare = position.HasSpare };

    /// <summary>The stream for one purpose of one patient.</summary>
    public static SeededRandom For(long seed, int patientIndex, StreamPurpose purpose) =>
        new(Key(seed, patientIndex, (ulong)purpose));

    /// <summary>
    /// The stream of <paramref name="key"/> after <paramref name="draws"/> 64-bit draws: SplitMix64's state moves by a
    /// constant each draw, so a stream can be cut into pieces worked on in parallel that draw what one walk would.
    /// </summary>
    public static SeededRandom After(ulong key, ulong draws) => new(unchecked(key + (draws * Gamma)));

    /// <summary>A key that mixes its parts so that neighbouring seeds give unrelated streams.</summary>
    public static ulong Key(long seed, long index, ulong purpose)
    {
        ulong s = Mix((ulong)seed + 0x9E3779B97F4A7C15UL);
        s = Mix(s ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        return Mix(s ^ (purpose * 0xABC98388FB8FAC03UL));
    }

    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform on (0, 1), never exactly 0 so that logarithms are safe.</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        // Marsaglia's polar method: no trigonometry, one logarithm per pair.
        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    public double NextNormal(double mean, double sd) => mean + (sd * NextNormal());

    /// <summary>Normal truncated to [min, max] by rejection (bounded tries, then clamped).</summary>
    public double NextTruncatedNormal(double mean, double sd, double min, double max)
    {
        for (int i = 0; i < 64; i++)
        {
            double x = NextNormal(mean, sd);
            if (x >= min && x <= max)
            {
                return x;
            }
        }

        return Math.Clamp(mean, min, max);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
