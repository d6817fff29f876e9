namespace WardTwin.Model.Randomness;

/// <summary>A <see cref="SeededRandom"/> stream as a System.Random, for MathNet's samplers (gamma, beta).</summary>
public sealed class SeededRandomSource(ulong key) : Random
{
    private SeededRandom _stream = new(key);

    /// <summary>The stream keyed by (seed, index, purpose) and a name, so adding a name never shifts another's draws.</summary>
    public static SeededRandomSource For(long seed, long index, StreamPurpose purpose, string name) =>
        new(SeededRandom.Key(seed, index, (ulong)purpose ^ Fnv1a(name)));

    public override double NextDouble() => _stream.NextDouble();

    public override int Next() => (int)(_stream.NextUInt64() >> 33);

    public override int Next(int maxValue) => (int)(NextDouble() * maxValue);

    public override int Next(int minValue, int maxValue) => minValue + (int)(NextDouble() * ((long)maxValue - minValue));

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)_stream.NextUInt64();
        }
    }

    protected override double Sample() => _stream.NextDouble();

    private static ulong Fnv1a(string s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }
}
