using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Training;

/// <summary>A scenario's events, checked naming the field: a bed, exactly one way to happen, and what its kind needs.</summary>
internal static class ScenarioEventValidator
{
    public static void Check(Scenario s, Action<string, string> fail)
    {
        var events = s.EventsOrEmpty;
        for (int i = 0; i < events.Count; i++)
        {
            string at = $"events[{i}]";
            var e = events[i];
            if (events.Take(i).Any(x => x.Id == e.Id))
            {
                fail($"{at}.id", $"'{e.Id}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(e.Id))
            {
                fail($"{at}.id", "an event needs an id (the rubric and the record name it)");
            }

            if (e.Bed < 1 || e.Bed > s.Ward.Beds)
            {
                fail($"{at}.bed", $"bed {e.Bed} does not exist on a ward of {s.Ward.Beds}");
            }

            if (new object?[] { e.AtH, e.When, e.OnTrainee }.Count(x => x is not null) != 1)
            {
                fail(at, "give exactly one of at_h (hours after the session starts), when (a condition) and on_trainee (what the trainee does after another event)");
            }

            if (e.AtH is { } t && (t < 0 || !double.IsFinite(t)))
            {
                fail($"{at}.at_h", "must be >= 0");
            }

            if (e.When is { } c)
            {
                CheckCondition(c, $"{at}.when", fail);
            }

            if (e.OnTrainee is { } trigger)
            {
                CheckTrigger(trigger, e, events, $"{at}.on_trainee", fail);
            }

            CheckKind(e, at, fail);
        }
    }

    private static void CheckKind(ScenarioEvent e, string at, Action<string, string> fail)
    {
        bool lasting = e.Kind is ScenarioEventKind.SideEffect or ScenarioEventKind.VitalsChange or ScenarioEventKind.ProbeOff;
        if (lasting && e.DurationH is not > 0)
        {
            fail($"{at}.duration_h", $"a {DataJson.EnumName(e.Kind)} event needs a duration in hours > 0");
        }

        if (e.Kind == ScenarioEventKind.SideEffect)
        {
            if (e.SideEffect is null || !SideEffectKinds.TryParse(e.SideEffect, out _))
            {
                fail($"{at}.side_effect", $"'{e.SideEffect}' is not a side effect; known: {ScenarioValidator.Known()}");
            }

            if (e.Grade is null or SideEffectGrade.None)
            {
                fail($"{at}.grade", "a side-effect event needs a grade: mild, moderate or severe");
            }
        }

        if (e.Kind == ScenarioEventKind.Finding && string.IsNullOrWhiteSpace(e.Note))
        {
            fail($"{at}.note", "a finding needs a note: what the nurse finds (it is what the record and the instructor read)");
        }

        if (e.Kind == ScenarioEventKind.VitalsChange && e.HrChangePerMin is null && e.SbpChangeMmHg is null && e.Spo2ChangePercent is null && e.RrChangePerMin is null)
        {
            fail(at, "a vitals-change event needs at least one of hr_change_per_min, sbp_change_mm_hg, spo2_change_percent, rr_change_per_min");
        }

        if (e.RrChangePerMin is { } rr && !double.IsFinite(rr))
        {
            fail($"{at}.rr_change_per_min", "must be a finite number of breaths a minute");
        }
    }

    private static void CheckTrigger(TraineeTrigger t, ScenarioEvent e, IReadOnlyList<ScenarioEvent> events, string at, Action<string, string> fail)
    {
        if (t.AfterEvent == e.Id || !events.Any(x => x.Id == t.AfterEvent))
        {
            fail($"{at}.after_event", $"'{t.AfterEvent}' is not another of this scenario's events ({string.Join(", ", events.Where(x => x.Id != e.Id).Select(x => x.Id))})");
        }

        if (t.Actions is not { Count: > 0 })
        {
            fail($"{at}.actions", $"name the actions it waits for, e.g. [midazolam]; known: {DataJson.EnumNames<ActionIntent>()}");
        }

        if (!(t.WithinMin > 0) || !double.IsFinite(t.WithinMin))
        {
            fail($"{at}.within_min", "must be a number of simulated minutes > 0");
        }

        if (!(t.DelayMin >= 0) || !double.IsFinite(t.DelayMin))
        {
            fail($"{at}.delay_min", "must be a number of simulated minutes >= 0");
        }
    }

    private static void CheckCondition(ScenarioCondition c, string at, Action<string, string> fail)
    {
        if (c.Quantity == ConditionQuantity.SideEffectGrade)
        {
            if (c.SideEffect is null || !SideEffectKinds.TryParse(c.SideEffect, out _))
            {
                fail($"{at}.side_effect", $"'{c.SideEffect}' is not a side effect; known: {ScenarioValidator.Known()}");
            }

            if (c.AtLeast is null or SideEffectGrade.None)
            {
                fail($"{at}.at_least", "a side-effect condition needs at_least: mild, moderate or severe");
            }
        }
        else if ((c.Above is null) == (c.Below is null))
        {
            fail(at, $"a {DataJson.EnumName(c.Quantity)} condition needs exactly one of above and below");
        }
    }
}
