namespace WardTwin.Grains;

/// <summary>The monitor's recent readings as compact structs in a fixed ring: memory per bed stays small and flat.</summary>
internal sealed class ReadingRing(int capacity)
{
    private readonly Slot[] _slots = new Slot[capacity];
    private int _next;
    private int _count;

    public void Add(VitalsReading r)
    {
        _slots[_next] = new Slot(r.SimTimeH, (float)r.HrPerMin, (float)r.SbpMmHg, (float)r.DbpMmHg, (float)r.Spo2Percent, (float)r.RrPerMin, Code(r.Artefact));
        _next = (_next + 1) % _slots.Length;
        _count = Math.Min(_count + 1, _slots.Length);
    }

    public VitalsReading[] Last(int count)
    {
        int n = Math.Min(count, _count);
        var result = new VitalsReading[n];
        for (int i = 0; i < n; i++)
        {
            var s = _slots[((_next - n + i) % _slots.Length + _slots.Length) % _slots.Length];
            result[i] = new VitalsReading(s.TimeH, s.Hr, s.Sbp, s.Dbp, s.Spo2, s.Rr, s.Artefact switch { 1 => "probeoff", 2 => "motion", _ => null });
        }

        return result;
    }

    private static byte Code(string? artefact) => artefact switch { "probeoff" => 1, "motion" => 2, _ => 0 };

    private readonly record struct Slot(double TimeH, float Hr, float Sbp, float Dbp, float Spo2, float Rr, byte Artefact);
}
