using System.Text.RegularExpressions;
using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>Checks what JSON alone cannot, naming the field: beds, patients, events and their conditions, the rubric.</summary>
public static partial class ScenarioValidator
{
    /// <summary>The scenario with its start in hours after the admissions, from a day and a clock time if it gave them.</summary>
    public static Scenario Resolve(Scenario s, Protocol protocol, string file)
    {
        if (s.Ward is not { StartDay: { } day, StartClock: { } clock })
        {
            return s;
        }

        double h = ((day - 1) * 24) + ClockTime.ParseHours(clock) - ClockTime.ParseHours(protocol.StartOrDefault.Clock);
        return h >= 0
            ? s with { Ward = s.Ward with { StartAtH = h } }
            : throw new DataFileException(file, "ward.start_clock", $"day {day} at {clock} is before the admissions ({protocol.Id} starts at {protocol.StartOrDefault.Clock} on day 1)");
    }

    public static void Validate(Scenario s, string file, IReadOnlyList<string> protocolIds)
    {
        void Fail(string field, string reason) => throw new DataFileException(file, field, reason);

        if (!IdPattern().IsMatch(s.Id))
        {
            Fail("id", $"'{s.Id}' must be lower-case letters, digits, '.', '_' or '-'");
        }

        var w = s.Ward;
        if (!protocolIds.Contains(w.Protocol))
        {
            Fail("ward.protocol", $"unknown protocol '{w.Protocol}'; known: {string.Join(", ", protocolIds)}");
        }

        if (w.Beds is < 1 or > 24)
        {
            Fail("ward.beds", $"{w.Beds} beds: a training ward has 1-24");
        }

        if (w.StartAtH < 0 || !double.IsFinite(w.StartAtH))
        {
            Fail("ward.start_at_h", "must be a number of hours >= 0");
        }

        if ((w.StartDay is null) != (w.StartClock is null))
        {
            Fail("ward", "give start_day and start_clock together (or start_at_h)");
        }

        if (w.StartDay is not null && w.StartAtH != 0)
        {
            Fail("ward", "give start_at_h or start_day with start_clock, not both");
        }

        if (w.StartDay is { } day && day < 1)
        {
            Fail("ward.start_day", "day 1 is the day of admission");
        }

        if (w.StartClock is { } clock && !ClockTime.TryParseHours(clock, out _))
        {
            Fail("ward.start_clock", $"'{clock}' is not a time of day (HH:MM)");
        }

        if (w.TimeScale <= 0 || !double.IsFinite(w.TimeScale))
        {
            Fail("ward.time_scale", "must be > 0 (1 is real time)");
        }

        if (s.Patients.Count == 0)
        {
            Fail("patients", "at least one bed needs a patient");
        }

        for (int i = 0; i < s.Patients.Count; i++)
        {
            var p = s.Patients[i];
            CheckBed($"patients[{i}].bed", p.Bed);
            if (s.Patients.Take(i).Any(q => q.Bed == p.Bed))
            {
                Fail($"patients[{i}].bed", $"bed {p.Bed} already has a patient");
            }

            if (p.Index < 0)
            {
                Fail($"patients[{i}].index", "must be >= 0");
            }

            if (p.Overrides is { } o)
            {
                if (o.WeightKg is { } kg && kg is < 30 or > 250)
                {
                    Fail($"patients[{i}].overrides.weight_kg", $"{kg} kg is outside 30-250");
                }

                if (o.BaselineNrs is { } nrs && nrs is < 0 or > 10)
                {
                    Fail($"patients[{i}].overrides.baseline_nrs", $"{nrs} is outside 0-10");
                }

                foreach (var (name, value) in o.SideEffectThresholdsNgPerMl ?? new Dictionary<string, double>())
                {
                    if (!SideEffectKinds.TryParse(name, out _))
                    {
                        Fail($"patients[{i}].overrides.side_effect_thresholds_ng_per_ml.{name}", $"unknown side effect; known: {Known()}");
                    }

                    if (value <= 0 || !double.IsFinite(value))
                    {
                        Fail($"patients[{i}].overrides.side_effect_thresholds_ng_per_ml.{name}", "must be > 0 ng/mL");
                    }
                }
            }
        }

        var events = s.EventsOrEmpty;
        for (int i = 0; i < events.Count; i++)
        {
            CheckEvent(events[i], $"events[{i}]");
            if (events.Take(i).Any(e => e.Id == events[i].Id))
            {
                Fail($"events[{i}].id", $"'{events[i].Id}' is used twice");
            }
        }

        if (s.Rubric.Count == 0)
        {
            Fail("rubric", "a scenario needs at least one rubric line");
        }

        for (int i = 0; i < s.Rubric.Count; i++)
        {
            CheckLine(s.Rubric[i], $"rubric[{i}]");
            if (s.Rubric.Take(i).Any(r => r.Id == s.Rubric[i].Id))
            {
                Fail($"rubric[{i}].id", $"'{s.Rubric[i].Id}' is used twice");
            }
        }

        void CheckBed(string field, int bed)
        {
            if (bed < 1 || bed > w.Beds)
            {
                Fail(field, $"bed {bed} does not exist on a ward of {w.Beds}");
            }
        }

        void CheckEvent(ScenarioEvent e, string at)
        {
            if (string.IsNullOrWhiteSpace(e.Id))
            {
                Fail($"{at}.id", "an event needs an id (the rubric and the record name it)");
            }

            CheckBed($"{at}.bed", e.Bed);
            if ((e.AtH is null) == (e.When is null))
            {
                Fail(at, "give exactly one of at_h (hours after the session starts) and when (a condition)");
            }

            if (e.AtH is { } t && (t < 0 || !double.IsFinite(t)))
            {
                Fail($"{at}.at_h", "must be >= 0");
            }

            if (e.When is { } c)
            {
                CheckCondition(c, $"{at}.when");
            }

            bool lasting = e.Kind is ScenarioEventKind.SideEffect or ScenarioEventKind.VitalsChange or ScenarioEventKind.ProbeOff;
            if (lasting && e.DurationH is not > 0)
            {
                Fail($"{at}.duration_h", $"a {DataJson.EnumName(e.Kind)} event needs a duration in hours > 0");
            }

            if (e.Kind == ScenarioEventKind.SideEffect)
            {
                if (e.SideEffect is null || !SideEffectKinds.TryParse(e.SideEffect, out _))
                {
                    Fail($"{at}.side_effect", $"'{e.SideEffect}' is not a side effect; known: {Known()}");
                }

                if (e.Grade is null or SideEffectGrade.None)
                {
                    Fail($"{at}.grade", "a side-effect event needs a grade: mild, moderate or severe");
                }
            }

            if (e.Kind == ScenarioEventKind.VitalsChange && e.HrChangePerMin is null && e.SbpChangeMmHg is null && e.Spo2ChangePercent is null && e.RrChangePerMin is null)
            {
                Fail(at, "a vitals-change event needs at least one of hr_change_per_min, sbp_change_mm_hg, spo2_change_percent, rr_change_per_min");
            }

            if (e.RrChangePerMin is { } rr && !double.IsFinite(rr))
            {
                Fail($"{at}.rr_change_per_min", "must be a finite number of breaths a minute");
            }
        }

        void CheckCondition(ScenarioCondition c, string at)
        {
            if (c.Quantity == ConditionQuantity.SideEffectGrade)
            {
                if (c.SideEffect is null || !SideEffectKinds.TryParse(c.SideEffect, out _))
                {
                    Fail($"{at}.side_effect", $"'{c.SideEffect}' is not a side effect; known: {Known()}");
                }

                if (c.AtLeast is null or SideEffectGrade.None)
                {
                    Fail($"{at}.at_least", "a side-effect condition needs at_least: mild, moderate or severe");
                }
            }
            else if ((c.Above is null) == (c.Below is null))
            {
                Fail(at, $"a {DataJson.EnumName(c.Quantity)} condition needs exactly one of above and below");
            }
        }

        void CheckLine(RubricLine r, string at)
        {
            if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Text))
            {
                Fail(at, "a rubric line needs an id and a text");
            }

            if (r.Weight < 0 || r.Penalty < 0)
            {
                Fail(at, "weight and penalty must be >= 0");
            }

            bool windowed = r.Rule is not (RubricRule.NeverAboveHardLimit or RubricRule.MedicationWithoutIndication);
            if (windowed && r.WindowH is not > 0)
            {
                Fail(at, $"a {DataJson.EnumName(r.Rule)} line needs within_s or within_min > 0");
            }

            if (r.WithinS is not null && r.WithinMin is not null)
            {
                Fail(at, "give within_s or within_min, not both");
            }

            if (r.Rule is RubricRule.MidazolamFor && (r.SideEffect is null || !SideEffectKinds.TryParse(r.SideEffect, out _)))
            {
                Fail($"{at}.side_effect", $"'{r.SideEffect}' is not a side effect; known: {Known()}");
            }

            if (r.Rule == RubricRule.AnswerEvent && !events.Any(e => e.Id == r.Event))
            {
                Fail($"{at}.event", $"'{r.Event}' is not one of this scenario's events ({string.Join(", ", events.Select(e => e.Id))})");
            }

            if (!windowed && r.Penalty == 0 && !r.Critical)
            {
                Fail(at, $"a {DataJson.EnumName(r.Rule)} line needs a penalty or critical: true");
            }
        }
    }

    private static string Known() => string.Join(", ", SideEffectKinds.All.Select(SideEffectKinds.Name));

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
