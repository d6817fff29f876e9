using System.Globalization;
using System.Text;

namespace WardTwin.Model.Capacity;

/// <summary>capacity.csv: one row per protocol and replication.</summary>
public static class CapacityCsv
{
    public static string Build(IEnumerable<CapacityResult> results)
    {
        var csv = new StringBuilder("protocol,resource,capacity,replication,arrived,started,still_waiting_at_end,mean_wait_days,median_wait_days,p90_wait_days,max_wait_days,utilisation,mean_queue,treated_per_year,offered_load\n");
        foreach (var r in results)
        {
            foreach (var s in r.Replications)
            {
                csv.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Protocol},{r.Resource},{r.Capacity},{s.Replication},{s.Arrived},{s.Started},{s.StillWaitingAtEnd},{s.MeanWaitDays:0.###},{s.MedianWaitDays:0.###},{s.P90WaitDays:0.###},{s.MaxWaitDays:0.###},{s.Utilisation:0.####},{s.MeanQueueLength:0.###},{s.TreatedPerYear:0.##},{s.OfferedLoad:0.####}\n"));
            }
        }

        return csv.ToString();
    }
}
