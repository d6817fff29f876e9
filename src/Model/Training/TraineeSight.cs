using System.Globalization;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>
/// What a bed's page showed the trainee at a moment, from the record: the pump's rate and the vital signs (the course's
/// chart point at or before it), the pain score and whether relief was noticed (the last review), the side effects
/// standing, and the alarms raised and not yet acknowledged. The debrief prints it beside each rubric occasion.
/// </summary>
public sealed class TraineeSight(IReadOnlyList<TrainingEntry> entries)
{
    public string At(int bed, double h)
    {
        var parts = new List<string>();
        var r = Reading(bed, h);
        if (r is not null)
        {
            string rr = r.RrPerMin > 0 ? $", RR {F(r.RrPerMin, "0")}" : string.Empty;
            parts.Add($"pump {F(r.RateMgPerH)} mg/h; HR {F(r.HrPerMin, "0")}, SBP {F(r.SbpMmHg, "0")}, SpO2 {F(r.Spo2Percent, "0")} %{rr}; sedation {r.Sedation.ToString().ToLowerInvariant()}");
        }

        var review = entries.OfType<ReviewDue>().LastOrDefault(x => x.Bed == bed && x.SimTimeH <= h + 1e-9);
        int? nrs = review?.Nrs ?? entries.OfType<BedReading>().LastOrDefault(x => x.Bed == bed && x.SimTimeH <= h + 1e-9)?.Nrs;
        if (nrs is not null || review?.NoticedRelief is not null)
        {
            string relief = review?.NoticedRelief is { } noticed ? noticed ? ", relief noticed" : ", no relief noticed" : string.Empty;
            parts.Add($"NRS {(nrs is { } n ? n.ToString(CultureInfo.InvariantCulture) : "–")}{relief}");
        }

        var standing = entries.OfType<SideEffectSeen>().Where(s => s.Bed == bed && s.SimTimeH <= h + 1e-9)
            .Where(s => r is null || s.SideEffect != "drowsiness") // the reading says the sedation at that moment
            .GroupBy(s => s.SideEffect).Select(g => g.Last()).Where(s => s.Grade > SideEffectGrade.None)
            .Select(s => $"{s.SideEffect} {s.Grade.ToString().ToLowerInvariant()}").ToArray();
        parts.Add($"side effects: {(standing.Length == 0 ? "none" : string.Join(", ", standing))}");

        var acks = entries.OfType<TraineeAction>().Where(a => a.Bed == bed && a.Kind == TraineeActionKind.AcknowledgeAlarm && a.Accepted && a.SimTimeH <= h + 1e-9).ToArray();
        var alarms = entries.OfType<AlarmRaised>()
            .Where(a => a.Bed == bed && a.SimTimeH <= h + 1e-9 && !acks.Any(k => k.Target == a.Alarm && k.SimTimeH >= a.SimTimeH))
            .Select(a => $"{AlarmWords.Of(a.Alarm)} ({a.Priority.ToString().ToLowerInvariant()})").Distinct().ToArray();
        if (alarms.Length > 0)
        {
            parts.Add($"alarms: {string.Join(", ", alarms)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The bedside at the latest moment at or before <paramref name="h"/>; of several readings at that moment (a paused ward,
    /// where the occasion and the answers share one instant) the first, as it stood when the occasion came.
    /// </summary>
    private BedReading? Reading(int bed, double h)
    {
        var before = entries.OfType<BedReading>().Where(r => r.Bed == bed && r.SimTimeH <= h + 1e-9).ToArray();
        return before.Length == 0 ? null : before.First(r => r.SimTimeH >= before[^1].SimTimeH - 1e-9);
    }

    private static string F(double x, string format = "0.##") => x.ToString(format, CultureInfo.InvariantCulture);
}
