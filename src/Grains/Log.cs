using Microsoft.Extensions.Logging;

namespace WardTwin.Grains;

/// <summary>The grains' log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "cohort {Cohort}: {Patients} admissions in {Shards} shards")]
    public static partial void CohortFinished(ILogger logger, string cohort, int patients, int shards);

    [LoggerMessage(1002, LogLevel.Warning, "cohort {Cohort}: shard {Shard} lost its silo ({Error}); running it again (attempt {Attempt})")]
    public static partial void ShardRetried(ILogger logger, string cohort, int shard, int attempt, string error);

    [LoggerMessage(1101, LogLevel.Information, "ward {Ward}: started with {Beds} beds, protocol {Protocol}, time scale {TimeScale}")]
    public static partial void WardStarted(ILogger logger, string ward, int beds, string protocol, double timeScale);

    [LoggerMessage(1102, LogLevel.Information, "ward {Ward}: admitted {Admission} to bed {Bed} at {SimTimeH:0.00} h")]
    public static partial void Admitted(ILogger logger, string ward, string admission, int bed, double simTimeH);

    [LoggerMessage(1103, LogLevel.Information, "ward {Ward}: discharged {Admission} from bed {Bed} at {SimTimeH:0.00} h")]
    public static partial void Discharged(ILogger logger, string ward, string admission, int bed, double simTimeH);

    [LoggerMessage(1201, LogLevel.Information, "pump {Pump}: {Kind} {Detail}")]
    public static partial void PumpEvent(ILogger logger, string pump, string kind, string detail);

    [LoggerMessage(1301, LogLevel.Warning, "monitor {Monitor}: alarm {Kind} ({Priority}) at {SimTimeH:0.000} h")]
    public static partial void AlarmRaised(ILogger logger, string monitor, string kind, string priority, double simTimeH);
}
