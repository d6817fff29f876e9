using WardTwin.Model.Data;

namespace WardTwin.Model.Training;

/// <summary>A trainee's action by the name pages and records use ("set-rate", "acknowledge-alarm"): read here only.</summary>
public static class TraineeActions
{
    public static TraineeActionKind Parse(string name) =>
        Enum.GetValues<TraineeActionKind>().FirstOrDefault(k => DataJson.EnumName(k) == name) is var kind && DataJson.EnumName(kind) == name
            ? kind
            : throw new ArgumentException($"action: unknown '{name}' (known: {string.Join(", ", Enum.GetValues<TraineeActionKind>().Select(k => DataJson.EnumName(k)))})");

    public static string Name(TraineeActionKind kind) => DataJson.EnumName(kind);
}
