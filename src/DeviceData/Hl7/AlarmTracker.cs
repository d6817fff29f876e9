using WardTwin.Grains;

namespace WardTwin.DeviceData.Hl7;

/// <summary>
/// Turns a monitor's alarm boards, as pushed, into PCD-04 events: start when an alarm becomes active, escalate
/// when its priority rises, end when its condition ends or it leaves the board (state latched while a latching
/// alarm waits to be acknowledged), and on request a continue for every alarm still active. One per monitor.
/// </summary>
public sealed class AlarmTracker
{
    private Dictionary<string, AlarmView> _board = new(StringComparer.Ordinal);

    /// <summary>The events of a new board against the last one.</summary>
    /// <param name="value">The latest value of a physiological alarm's metric (by its MDC code), or null.</param>
    public List<AlarmEvent> Apply(IReadOnlyList<AlarmView> board, Func<DeviceKind, DeviceIdentity> device, Func<MdcCode, double?> value, DateTimeOffset at)
    {
        var events = new List<AlarmEvent>();
        var next = new Dictionary<string, AlarmView>(StringComparer.Ordinal);
        foreach (var a in board)
        {
            next[a.Kind] = a;
            _board.TryGetValue(a.Kind, out var before);
            string? phase = (before, a) switch
            {
                (_, { Active: true }) when before is null || !before.Active => "start",
                ({ Active: true }, { Active: true }) when Rank(a.Priority) > Rank(before.Priority) => "escalate",
                ({ Active: true }, { Active: false }) => "end",
                _ => null,
            };
            if (phase is not null)
            {
                events.Add(Event(a, phase, a.Active ? "active" : a.Acknowledged ? "inactive" : "latched", device, value, at));
            }
        }

        foreach (var (kind, before) in _board)
        {
            if (!next.ContainsKey(kind) && before.Active)
            {
                events.Add(Event(before, "end", "inactive", device, value, at));
            }
        }

        _board = next;
        return events;
    }

    /// <summary>A continue event for every alarm still active (sent on the HL7 interval while it lasts).</summary>
    public IEnumerable<AlarmEvent> Continuing(Func<DeviceKind, DeviceIdentity> device, Func<MdcCode, double?> value, DateTimeOffset at) =>
        _board.Values.Where(a => a.Active).Select(a => Event(a, "continue", "active", device, value, at)).ToList();

    private static AlarmEvent Event(AlarmView a, string phase, string state, Func<DeviceKind, DeviceIdentity> device, Func<MdcCode, double?> value, DateTimeOffset at)
    {
        var source = AlarmSource.Of(a.Kind);
        return new AlarmEvent(device(source.Device), a.Kind, a.Label ?? a.Kind, a.Priority, a.Category == "technical" || source.Metric is null, phase, state, a.Acknowledged, at,
            source.Metric is { } m ? value(m) : null);
    }

    private static int Rank(string priority) => priority switch
    {
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}
