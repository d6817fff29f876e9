using WardTwin.Model.Data;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Training;

/// <summary>A scenario's rubric, checked naming the field: windows, answers and wrong answers, and what each rule needs.</summary>
internal static class RubricValidator
{
    public static void Check(Scenario s, Action<string, string> fail)
    {
        if (s.Rubric.Count == 0)
        {
            fail("rubric", "a scenario needs at least one rubric line");
        }

        for (int i = 0; i < s.Rubric.Count; i++)
        {
            CheckLine(s.Rubric[i], $"rubric[{i}]", s.EventsOrEmpty, fail);
            if (s.Rubric.Take(i).Any(r => r.Id == s.Rubric[i].Id))
            {
                fail($"rubric[{i}].id", $"'{s.Rubric[i].Id}' is used twice");
            }
        }
    }

    private static void CheckLine(RubricLine r, string at, IReadOnlyList<ScenarioEvent> events, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Text))
        {
            fail(at, "a rubric line needs an id and a text");
        }

        if (r.Weight < 0 || r.Penalty < 0 || r.WrongPenalty < 0)
        {
            fail(at, "weight, penalty and wrong_penalty must be >= 0");
        }

        bool windowed = r.Rule is not (RubricRule.NeverAboveHardLimit or RubricRule.MedicationWithoutIndication);
        if (windowed && r.WindowH is not > 0)
        {
            fail(at, $"a {DataJson.EnumName(r.Rule)} line needs within_s or within_min > 0");
        }

        if (r.WithinS is not null && r.WithinMin is not null)
        {
            fail(at, "give within_s or within_min, not both");
        }

        if (r.Rule is RubricRule.MidazolamFor && (r.SideEffect is null || !SideEffectKinds.TryParse(r.SideEffect, out _)))
        {
            fail($"{at}.side_effect", $"'{r.SideEffect}' is not a side effect; known: {ScenarioValidator.Known()}");
        }

        if (r.Rule == RubricRule.AnswerEvent && !events.Any(e => e.Id == r.Event))
        {
            fail($"{at}.event", $"'{r.Event}' is not one of this scenario's events ({string.Join(", ", events.Select(e => e.Id))})");
        }

        CheckAnswers(r, at, windowed, fail);
        if (!windowed && r.Penalty == 0 && !r.Critical)
        {
            fail(at, $"a {DataJson.EnumName(r.Rule)} line needs a penalty or critical: true");
        }
    }

    private static void CheckAnswers(RubricLine r, string at, bool windowed, Action<string, string> fail)
    {
        if (r.Rule == RubricRule.AnswerEvent && r.Answers is not { Count: > 0 })
        {
            fail($"{at}.answers", $"an answer-event line names what answers the event, e.g. [oxygen, stop-infusion]; known: {Known()}");
        }

        if (!windowed && (r.Answers is not null || r.WrongAnswers is not null))
        {
            fail(at, $"a {DataJson.EnumName(r.Rule)} line has no answers or wrong_answers: it counts what was tried");
        }

        if (r.Rule == RubricRule.TitrateAtReview && r.Answers is not null)
        {
            fail($"{at}.answers", "a titrate-at-review line is answered by a rate or hold; the protocol's rule says which rate");
        }

        if (r.WrongAnswersOrEmpty.Where(r.AnswersOrDefault.Contains).ToArray() is [var both, ..])
        {
            fail($"{at}.wrong_answers", $"'{DataJson.EnumName(both)}' is both an answer and a wrong answer");
        }

        if (r.WrongPenalty > 0 && r.WrongAnswers is not { Count: > 0 })
        {
            fail($"{at}.wrong_penalty", "a wrong_penalty needs wrong_answers (the actions it costs)");
        }
    }

    private static string Known() => DataJson.EnumNames<ActionIntent>();
}
