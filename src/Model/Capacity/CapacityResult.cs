using System.Globalization;

namespace WardTwin.Model.Capacity;

/// <summary>
/// One protocol's answer: the resource it needs (beds or chairs), each replication, the summary with intervals, and
/// the beds or chairs a target wait needs, on the mean wait and on the 90th centile. A unit asked to do more than it
/// can (demand over capacity ≥ 1) says so: its waits then grow with the years simulated and do not settle.
/// </summary>
public sealed record CapacityResult(
    string Protocol,
    string Resource,
    int Capacity,
    IReadOnlyList<ReplicationStats> Replications,
    IReadOnlyList<Estimate> Summary,
    int? NeededForTargetWait,
    double TargetWaitDays,
    int? NeededForTargetP90Wait = null)
{
    public const string OverloadedWords = "overloaded: demand exceeds capacity, the queue grows without bound";

    /// <summary>Demand (bed-hours or sessions the arrivals need) at or above what the beds or chairs offer.</summary>
    public bool Overloaded => Measure("offered_load") is { } load && load.Mean >= 1;

    /// <summary>The overload in words (null when there is none): no wait of an overloaded unit is a steady state.</summary>
    public string? OverloadedInWords => Overloaded
        ? string.Create(CultureInfo.InvariantCulture, $"{OverloadedWords} (demand is {Measure("offered_load")!.Mean:0.00} times capacity)")
        : null;

    /// <summary>The mean wait is within the target at the capacity asked (never when overloaded).</summary>
    public bool TargetMetOnMeanWait => !Overloaded && Measure("mean_wait") is { } w && w.Mean <= TargetWaitDays;

    /// <summary>The 90th-centile wait is within the target at the capacity asked (never when overloaded).</summary>
    public bool TargetMetOnP90Wait => !Overloaded && Measure("p90_wait") is { } w && w.Mean <= TargetWaitDays;

    /// <summary>Which target is met at the capacity asked, and the beds or chairs each needs.</summary>
    public string TargetInWords
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            string mean = Measure("mean_wait")?.Mean.ToString("0.0", c) ?? "-", p90 = Measure("p90_wait")?.Mean.ToString("0.0", c) ?? "-";
            string met = (TargetMetOnMeanWait, TargetMetOnP90Wait) switch
            {
                (true, true) => $"met on the mean wait ({mean} days) and on the 90th centile ({p90} days)",
                (true, false) => $"met on the mean wait ({mean} days) but not on the 90th centile ({p90} days)",
                (false, true) => $"met on the 90th centile ({p90} days) but not on the mean wait ({mean} days)",
                _ => Overloaded ? "met on neither the mean wait nor the 90th centile (overloaded)" : $"met on neither the mean wait ({mean} days) nor the 90th centile ({p90} days)",
            };
            string Need(int? n) => n is { } k ? $"{k} {(k == 1 ? Resource.TrimEnd('s') : Resource)}" : $"more than 200 {Resource}";
            return string.Create(c, $"target {TargetWaitDays:0.#} days: {met} with {Capacity} {(Capacity == 1 ? Resource.TrimEnd('s') : Resource)}; {Need(NeededForTargetWait)} for a mean wait within it, {Need(NeededForTargetP90Wait)} for a 90th centile within it");
        }
    }

    private Estimate? Measure(string name) => Summary.FirstOrDefault(e => e.Measure == name);
}

/// <summary>
/// One replication: waits in days, utilisation of the resource, mean queue, patients treated a year, those still
/// waiting at the end, and the offered load (what the arrivals need over what the beds or chairs offer).
/// </summary>
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
    double TreatedPerYear,
    double OfferedLoad = 0);

/// <summary>A measure's mean over replications with its 95 % interval (Student t on the replication means).</summary>
public sealed record Estimate(string Measure, string Unit, double Mean, double Low, double High);
