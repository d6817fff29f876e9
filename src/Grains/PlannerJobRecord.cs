namespace WardTwin.Grains;

/// <summary>What a planner job stores: its request (so another silo can run it on) and whether its reader cancelled it.</summary>
[GenerateSerializer]
public sealed class PlannerJobRecord<TRequest>
    where TRequest : class
{
    [Id(0)]
    public TRequest? Request { get; set; }

    [Id(1)]
    public bool Cancelled { get; set; }
}
