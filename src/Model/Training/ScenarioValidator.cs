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
            if (p.Bed < 1 || p.Bed > w.Beds)
            {
                Fail($"patients[{i}].bed", $"bed {p.Bed} does not exist on a ward of {w.Beds}");
            }

            if (s.Patients.Take(i).Any(q => q.Bed == p.Bed))
            {
                Fail($"patients[{i}].bed", $"bed {p.Bed} already has a patient");
            }

            if (p.Index < 0)
            {
                Fail($"patients[{i}].index", "must be >= 0");
            }

            if (p.Handover is { Length: > 400 })
            {
                Fail($"patients[{i}].handover", "at most 400 characters: a handover, not a case history");
            }

            if (p.Overrides is { } o)
            {
                if (o.WeightKg is { } kg && kg is < 30 or > 250)
                {
                    Fail($"patients[{i}].overrides.weight_kg", $"{kg} kg is outside 30-250");
                }

                if (o.RestingSpo2Percent is { } spo2 && spo2 is < 85 or > 97)
                {
                    // Above 97 % the parameter file's healthy lungs already say it; below 85 % the patient is not one for a general ward.
                    Fail($"patients[{i}].overrides.resting_spo2_percent", $"{spo2} % is outside 85-97");
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

        ScenarioEventValidator.Check(s, Fail);
        RubricValidator.Check(s, Fail);
    }

    internal static string Known() => string.Join(", ", SideEffectKinds.All.Select(SideEffectKinds.Name));

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
