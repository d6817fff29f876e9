using WardTwin.Model.Training;

namespace WardTwin.Model.Tests;

/// <summary>Numbers read strictly, and scenario events that wait on what the trainee does.</summary>
public sealed class ClinicalInputTests
{
    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("0", 0)]
    [InlineData(".5", 0.5)]
    [InlineData("10001", 10001)]
    [InlineData("1e9", 1e9)]
    [InlineData("007", 7)]
    public void A_plain_number_is_its_value_whatever_its_size(string text, double expected)
    {
        var (value, problem) = ClinicalNumber.Parse(text, "mg/h");
        Assert.Null(problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0x10", "not a number of mg/h")]
    [InlineData("1,000", "thousands separators")]
    [InlineData("12,5", "decimal point")]
    [InlineData(" 12", "spaces")]
    [InlineData("+3", "signs")]
    [InlineData("Infinity", "not a number")]
    [InlineData("", "not a number")]
    [InlineData("-3", "negative")]
    public void Hex_separators_signs_and_words_are_refused_in_words(string text, string reason)
    {
        var (value, problem) = ClinicalNumber.Parse(text, "mg/h");
        Assert.Null(value);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
    }

    private static TraineeAction Act(double h, TraineeActionKind kind, bool accepted = true) => new(1, h, "ann", 0, kind, 2, accepted, "ok", null, 30);

    [Fact]
    public void An_event_on_the_trainees_answer_fires_after_the_answer_and_its_delay_and_not_for_other_actions()
    {
        var trigger = new TraineeTrigger("restless", [ActionIntent.Midazolam], WithinMin: 30, DelayMin: 3);
        TraineeAction[] others = [Act(1.05, TraineeActionKind.AcknowledgeAlarm), Act(1.06, TraineeActionKind.Midazolam, accepted: false)];
        Assert.Null(trigger.DueH(null, others, 5));                  // the event it follows has not fired
        Assert.Null(trigger.DueH(1.0, others, 5));                   // an ack and a refused dose are not midazolam given

        TraineeAction[] dose = [.. others, Act(1.1, TraineeActionKind.Midazolam)];
        Assert.Null(trigger.DueH(1.0, dose, 1.1 + (2 / 60.0)));      // 2 of the 3 minutes' delay
        Assert.Equal(1.1 + (3 / 60.0), trigger.DueH(1.0, dose, 1.2)!.Value, 9);
    }

    [Fact]
    public void An_event_on_the_trainees_silence_fires_when_the_window_passes_without_the_answer()
    {
        var trigger = new TraineeTrigger("restless", [ActionIntent.Midazolam], WithinMin: 10, Absent: true);
        Assert.Null(trigger.DueH(1.0, [], 1.1));                                           // 6 of 10 minutes
        Assert.Equal(1.0 + (10 / 60.0), trigger.DueH(1.0, [], 1.2)!.Value, 9);            // passed without a dose
        Assert.Null(trigger.DueH(1.0, [Act(1.1, TraineeActionKind.Midazolam)], 1.2));      // a dose in time: never
    }
}
