using System.Diagnostics;
using Orleans.Runtime;

namespace WardTwin.Load;

/// <summary>
/// The silo's CPU and resident memory: from the process itself when its id is given (--silo-pid: CPU time
/// over wall time, one core = 100 %, and the working set), otherwise Orleans's own smoothed statistics
/// (and the report says which).
/// </summary>
public sealed class SiloProcess(IClusterClient client, int? pid)
{
    private TimeSpan _lastCpu;
    private DateTime _lastWall;

    public string Source => pid is null ? "orleans-statistics" : "process";

    public async Task<(double CpuPercent, long MemoryBytes)> SampleAsync()
    {
        if (pid is { } id)
        {
            using var p = Process.GetProcessById(id);
            var cpu = p.TotalProcessorTime;
            var wall = DateTime.UtcNow;
            double percent = _lastWall == default ? double.NaN : 100 * (cpu - _lastCpu).TotalSeconds / Math.Max((wall - _lastWall).TotalSeconds, 1e-3);
            (_lastCpu, _lastWall) = (cpu, wall);
            return (percent, p.WorkingSet64);
        }

        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var stats = await management.GetRuntimeStatistics(hosts.Keys.ToArray());
        return (stats.Sum(s => s.EnvironmentStatistics.FilteredCpuUsagePercentage), stats.Sum(s => s.EnvironmentStatistics.FilteredMemoryUsageBytes));
    }
}
