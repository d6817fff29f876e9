namespace WardTwin.Grains;

/// <summary>
/// The monitor's recent readings in a fixed ring, 16 bytes a reading: the time as a count of milliseconds from an
/// anchor (of seconds when the readings held span more than 24 days, as in a ward accelerated by days a second) and
/// each vital sign in hundredths (finer than any monitor displays). The ring was a fifth of a live bed's memory at
/// 32 bytes a reading (issue 24's heap dump); readings the page draws need no more.
/// </summary>
public sealed class ReadingRing(int capacity)
{
    private const double MsPerHour = 3_600_000;
    private const double Hundredths = 100;
    private const double MaxValue = ushort.MaxValue / Hundredths;

    private readonly Slot[] _slots = new Slot[capacity];
    private double _anchorH = double.NaN;
    private double _unitsPerHour = MsPerHour;
    private int _next;
    private int _count;

    public void Add(VitalsReading r)
    {
        double offset = Math.Round((r.SimTimeH - _anchorH) * _unitsPerHour);
        if (!(offset is >= 0 and <= int.MaxValue))
        {
            // The first reading, or one before the anchor or weeks after it: anchor again on what the ring holds.
            Reanchor(r.SimTimeH);
            offset = Math.Round((r.SimTimeH - _anchorH) * _unitsPerHour);
        }

        _slots[_next] = new Slot((int)offset, Pack(r.HrPerMin), Pack(r.SbpMmHg), Pack(r.DbpMmHg), Pack(r.Spo2Percent), Pack(r.RrPerMin), Code(r.Artefact));
        _next = (_next + 1) % _slots.Length;
        _count = Math.Min(_count + 1, _slots.Length);
    }

    public VitalsReading[] Last(int count)
    {
        int n = Math.Min(count, _count);
        var result = new VitalsReading[n];
        for (int i = 0; i < n; i++)
        {
            var s = _slots[Index(n - i)];
            result[i] = new VitalsReading(TimeH(s), Unpack(s.Hr), Unpack(s.Sbp), Unpack(s.Dbp), Unpack(s.Spo2), Unpack(s.Rr), s.Artefact switch { 1 => "probeoff", 2 => "motion", _ => null });
        }

        return result;
    }

    /// <summary>The slot <paramref name="back"/> readings before the next one to be written (1: the latest).</summary>
    private int Index(int back) => ((_next - back) % _slots.Length + _slots.Length) % _slots.Length;

    private double TimeH(Slot s) => _anchorH + (s.Offset / _unitsPerHour);

    /// <summary>Anchors at the earliest time held (or <paramref name="addingH"/>) in milliseconds, or seconds if the span needs them.</summary>
    private void Reanchor(double addingH)
    {
        var held = new double[_count];
        double min = addingH, max = addingH;
        for (int back = 1; back <= _count; back++)
        {
            held[back - 1] = TimeH(_slots[Index(back)]);
            (min, max) = (Math.Min(min, held[back - 1]), Math.Max(max, held[back - 1]));
        }

        _anchorH = min;
        _unitsPerHour = (max - min) * MsPerHour <= int.MaxValue ? MsPerHour : MsPerHour / 1000;
        for (int back = 1; back <= _count; back++)
        {
            ref var s = ref _slots[Index(back)];
            s = s with { Offset = (int)Math.Min(Math.Round((held[back - 1] - min) * _unitsPerHour), int.MaxValue) };
        }
    }

    // Vital signs are never negative and far below 655; a NaN (no value) is kept as 0 rather than failing the monitor.
    private static ushort Pack(double value) => double.IsNaN(value) ? (ushort)0 : (ushort)Math.Round(Math.Clamp(value, 0, MaxValue) * Hundredths);

    private static double Unpack(ushort value) => value / Hundredths;

    private static byte Code(string? artefact) => artefact switch { "probeoff" => 1, "motion" => 2, _ => 0 };

    private readonly record struct Slot(int Offset, ushort Hr, ushort Sbp, ushort Dbp, ushort Spo2, ushort Rr, byte Artefact);
}
