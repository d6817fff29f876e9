namespace WardTwin.EndToEnd.Tests;

/// <summary>Tests that measure time (latency, scrapes) run on their own, not beside the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingGroup
{
    public const string Name = "timing";
}
