namespace WardTwin.Model.Capacity;

/// <summary>One protocol's answer: the resource it needs (beds or chairs), each replication, the summary with intervals, and what a target wait needs.</summary>
public sealed record CapacityResult(
    string Protocol,
    string Resource,
    int Capacity,
    IReadOnlyList<ReplicationStats> Replications,
    IReadOnlyList<Estimate> Summary,
    int? NeededForTargetWait,
    double TargetWaitDays);

/// <summary>One replication: waits in days, utilisation of the resource, mean queue, patients treated a year, and those still waiting at the end.</summary>
public sealed record ReplicationStats(
    int Replication,
    int Arrived,
    int Started,
    int StillWaitingAtEnd,
    double MeanWaitDays,
    double MedianWaitDays,
    double P90WaitDays,
    double MaxWaitDays,
    double Utilisation,
    double MeanQueueLength,
    double TreatedPerYear);

/// <summary>A measure's mean over replications with its 95 % interval (Student t on the replication means).</summary>
public sealed record Estimate(string Measure, string Unit, double Mean, double Low, double High);
