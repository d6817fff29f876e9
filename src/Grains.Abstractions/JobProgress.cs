namespace WardTwin.Grains;

/// <summary>Where a planner job stands: units done (patients of a cohort, draws of a PSA) of its total, and whether it ended.</summary>
[GenerateSerializer, Immutable]
public sealed record JobProgress(
    [property: Id(0)] int Done,
    [property: Id(1)] int Total,
    [property: Id(2)] JobState State,
    [property: Id(3)] string? Silo = null,
    [property: Id(4)] string? Error = null);

/// <summary>A job's state: running until every unit was read, cancelled by its reader, or failed with an error.</summary>
[GenerateSerializer]
public enum JobState
{
    NotStarted,
    Running,
    Finished,
    Cancelled,
    Failed,
}
