using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>A session's stored record and its patients' replayed courses as the typed entries the scorer reads.</summary>
internal static class TrainingRecords
{
    public static List<TrainingEntry> Entries(IEnumerable<RecordedEntry> record, IEnumerable<PatientCourse> courses)
    {
        var entries = new List<TrainingEntry>();
        foreach (var r in record)
        {
            if (Entry(r) is { } entry)
            {
                entries.Add(entry);
            }
        }

        foreach (var c in courses)
        {
            int bed = c.Bed + 1;
            foreach (var e in c.Events)
            {
                TrainingEntry? entry = e.Kind switch
                {
                    CourseEventKind.ReviewDue => new ReviewDue(bed, e.WardTimeH, e.FromMgPerH ?? 0, e.ToMgPerH ?? 0, e.Decision ?? string.Empty, e.Reason ?? e.Detail,
                        e.Nrs, e.NoticedRelief, e.SinceReviewSideEffect, (SideEffectGrade)(e.SinceReviewGrade ?? 0), e.AlarmsSinceReview),
                    CourseEventKind.SideEffect => new SideEffectSeen(bed, e.WardTimeH, e.SideEffect ?? string.Empty, (SideEffectGrade)(e.Grade ?? 0)),
                    CourseEventKind.PumpAlarm when e.PumpAlarm is { } p => new PumpAlarmSeen(bed, e.WardTimeH, Parse<PumpAlarmKind>(p), e.NewBagHung),
                    _ => null,
                };
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }

            // The bedside at the record's moments first: of readings at one instant the sight takes the first, before any answer.
            entries.AddRange((c.Moments ?? []).Concat(c.Chart).Select(p => new BedReading(bed, p.WardTimeH, p.DeliveredRateMgPerH, p.HrPerMin, p.SbpMmHg, p.Spo2Percent, p.Nrs,
                p.RrPerMin, (SideEffectGrade)p.SedationGrade)));
        }

        return entries;
    }

    /// <summary>The trainee's actions in the record, as the scorer and the scenario's triggers read them.</summary>
    public static IEnumerable<TraineeAction> Actions(IEnumerable<RecordedEntry> record) =>
        record.Where(r => r.Kind == RecordedKind.TraineeAction).Select(Entry).OfType<TraineeAction>();

    private static TrainingEntry? Entry(RecordedEntry r) => r.Kind switch
    {
        RecordedKind.TraineeAction => new TraineeAction(r.Bed, r.SimTimeH, r.Trainee, r.WallUnixMs, Parse<TraineeActionKind>(r.Action), r.Value, r.Accepted, r.What,
            r.Target, r.RateBeforeMgPerH, r.AboveHardLimit),
        RecordedKind.AlarmRaised => new AlarmRaised(r.Bed, r.SimTimeH, r.Target ?? string.Empty, Enum.Parse<AlarmPriority>(r.Priority ?? "low", ignoreCase: true)),
        RecordedKind.EventFired => new EventFired(r.Bed, r.SimTimeH, r.EventId ?? string.Empty, Parse<ScenarioEventKind>(r.EventKind, ScenarioEventKind.SideEffect), Parse<EventCause>(r.Cause)),
        RecordedKind.ClockChanged => new ClockChanged(r.SimTimeH, r.Running ?? true, r.TimeScale ?? 1, r.JumpedFromH),
        _ => null, // the instructor's notes are not scored
    };

    /// <summary>An enum from its data-file name (kebab-case).</summary>
    private static T Parse<T>(string? name, T? fallback = null)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => DataJson.EnumName(v!.Value) == name) ?? fallback
            ?? throw new ArgumentException($"'{name}' is not a {typeof(T).Name}");
}
