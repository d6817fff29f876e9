using System.Globalization;
using WardTwin.Model.Data;

namespace WardTwin.Model.Training;

/// <summary>The meaning of a recorded action (<see cref="ActionIntent"/>), and intents in words for evidence and pages.</summary>
public static class ActionIntents
{
    public static ActionIntent Of(TraineeAction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Kind switch
        {
            TraineeActionKind.SetRate when a.Value is { } v && a.RateBeforeMgPerH is { } before =>
                v < before - 1e-9 ? ActionIntent.LowerRate : v > before + 1e-9 ? ActionIntent.RaiseRate : ActionIntent.KeepRate,
            TraineeActionKind.SetRate => ActionIntent.RaiseRate,
            TraineeActionKind.Hold => ActionIntent.KeepRate,
            TraineeActionKind.Start or TraineeActionKind.Resume => ActionIntent.RestartInfusion,
            TraineeActionKind.Pause => ActionIntent.PauseInfusion,
            TraineeActionKind.Stop => ActionIntent.StopInfusion,
            TraineeActionKind.ReplaceBag => ActionIntent.ReplaceBag,
            TraineeActionKind.SetVtbi => ActionIntent.SetVtbi,
            TraineeActionKind.Midazolam => ActionIntent.Midazolam,
            TraineeActionKind.Oxygen when a.Value is 0 => ActionIntent.OxygenOff,
            TraineeActionKind.Oxygen => ActionIntent.Oxygen,
            TraineeActionKind.Flumazenil => ActionIntent.Flumazenil,
            TraineeActionKind.Ondansetron => ActionIntent.Ondansetron,
            TraineeActionKind.CallDoctor => ActionIntent.CallDoctor,
            TraineeActionKind.AcknowledgeAlarm => ActionIntent.AcknowledgeAlarm,
            TraineeActionKind.Discharge => ActionIntent.Discharge,
            _ => throw new ArgumentOutOfRangeException(nameof(a), $"no intent for action {a.Kind}"),
        };
    }

    /// <summary>"lower the rate, pause or stop the infusion": a list of intents as a person says it.</summary>
    public static string Words(IEnumerable<ActionIntent> intents) => string.Join(" or ", intents.Select(Words));

    public static string Words(ActionIntent i) => i switch
    {
        ActionIntent.LowerRate => "lower the rate",
        ActionIntent.RaiseRate => "raise the rate",
        ActionIntent.KeepRate => "keep the rate",
        ActionIntent.PauseInfusion => "pause the infusion",
        ActionIntent.StopInfusion => "stop the infusion",
        ActionIntent.RestartInfusion => "restart the pump",
        ActionIntent.ReplaceBag => "hang a new bag",
        ActionIntent.SetVtbi => "set a volume to be infused",
        ActionIntent.Midazolam => "give midazolam",
        ActionIntent.Oxygen => "give oxygen",
        ActionIntent.OxygenOff => "turn the oxygen off",
        ActionIntent.Flumazenil => "give flumazenil",
        ActionIntent.Ondansetron => "give ondansetron",
        ActionIntent.CallDoctor => "call the doctor",
        ActionIntent.AcknowledgeAlarm => "acknowledge the alarm",
        ActionIntent.Discharge => "discharge",
        _ => DataJson.EnumName(i),
    };

    /// <summary>An action as the record says it: "ann: set-rate 3 (lower the rate)".</summary>
    public static string Describe(TraineeAction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        string value = a.Value is { } v ? " " + Number(v) : string.Empty;
        string target = a.Target is { } t ? " " + AlarmWords.Of(t) : string.Empty;
        return $"{a.Trainee}: {TraineeActions.Name(a.Kind)}{value}{target} ({Words(Of(a))}{(a.Accepted ? string.Empty : "; the ward refused it: " + Why(a.Message))})";
    }

    /// <summary>The reason inside a record's "midazolam 2: refused (the last midazolam was 2 min ago; ...)", or the whole message.</summary>
    private static string Why(string message)
    {
        int at = message.IndexOf(": refused (", StringComparison.Ordinal);
        return at >= 0 && message.EndsWith(')') ? message[(at + ": refused (".Length)..^1] : message;
    }

    public static string Number(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.##", CultureInfo.InvariantCulture);
}
