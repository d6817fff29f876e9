using WardTwin.Model.Data;

namespace WardTwin.Model.Training;

/// <summary>A trainee's action by the name pages and records use ("set-rate", "acknowledge-alarm"): read here only.</summary>
public static class TraineeActions
{
    public static TraineeActionKind Parse(string name) => DataJson.ParseEnumName<TraineeActionKind>(name, "action: unknown");

    public static string Name(TraineeActionKind kind) => DataJson.EnumName(kind);
}
