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

    [LoggerMessage(1301, LogLevel.Information, "monitor {Monitor}: alarm {Kind} ({Priority}) at {SimTimeH:0.000} h")]
    public static partial void AlarmRaised(ILogger logger, string monitor, string kind, string priority, double simTimeH);

    [LoggerMessage(1104, LogLevel.Information, "ward {Ward}: activated on this silo and running again from {SimTimeH:0.000} h ({Occupied} beds occupied)")]
    public static partial void WardRestored(ILogger logger, string ward, double simTimeH, int occupied);

    [LoggerMessage(1105, LogLevel.Warning, "ward {Ward}: bed {Bed} ({Admission}) failed to move to {SimTimeH:0.000} h; the rest of the ward goes on and the bed is tried again next tick")]
    public static partial void BedFailed(ILogger logger, Exception error, string ward, int bed, string admission, double simTimeH);

    [LoggerMessage(1106, LogLevel.Information, "ward {Ward}: bed {Bed} ({Admission}) moves again after {Failures} failed ticks")]
    public static partial void BedRecovered(ILogger logger, string ward, int bed, string admission, int failures);

    [LoggerMessage(1107, LogLevel.Information, "ward {Ward}: stopped at {SimTimeH:0.000} h")]
    public static partial void WardStopped(ILogger logger, string ward, double simTimeH);

    [LoggerMessage(1108, LogLevel.Error, "ward {Ward}: its clock tick failed at {SimTimeH:0.000} h; it tries again next tick")]
    public static partial void TickFailed(ILogger logger, Exception error, string ward, double simTimeH);

    [LoggerMessage(1109, LogLevel.Warning, "ward keeper: could not wake ward {Ward} ({Error}); trying again")]
    public static partial void KeeperMissed(ILogger logger, string ward, string error);

    [LoggerMessage(1202, LogLevel.Information, "pump {Pump}: {Action} by hand: {Outcome} {Message} at {WardTimeH:0.000} h")]
    public static partial void PumpKey(ILogger logger, string pump, string action, string outcome, string message, double wardTimeH);

    [LoggerMessage(1401, LogLevel.Information, "patient {Patient}: activated and replayed {Inputs} stored inputs to {WardTimeH:0.000} h")]
    public static partial void PatientRestored(ILogger logger, string patient, int inputs, double wardTimeH);

    [LoggerMessage(1501, LogLevel.Error, "{Kind} {Id}: could not store its state; the change was not applied")]
    public static partial void StoreFailed(ILogger logger, Exception error, string kind, string id);

    [LoggerMessage(1502, LogLevel.Warning, "{Kind} {Id}: could not store its state ({Error}); it goes on in memory and writes again at its next change or checkpoint")]
    public static partial void CheckpointFailed(ILogger logger, string kind, string id, string error);

    [LoggerMessage(1503, LogLevel.Warning, "{Kind} {Id}: stored its state again after {Failures} failed writes")]
    public static partial void StoredAgain(ILogger logger, string kind, string id, int failures);

    [LoggerMessage(1402, LogLevel.Warning, "patient {Patient}: its monitor did not take the new truth curve ({Error}); the patient goes on, the monitor asks again when it is back")]
    public static partial void MonitorFeedFailed(ILogger logger, string patient, string error);

    [LoggerMessage(1203, LogLevel.Information, "patient {Patient}: injected {What} at {WardTimeH:0.000} h")]
    public static partial void Injected(ILogger logger, string patient, string what, double wardTimeH);

    [LoggerMessage(1601, LogLevel.Information, "training {Session}: scenario {Scenario} started for {Trainees} trainee(s)")]
    public static partial void TrainingStarted(ILogger logger, string session, string scenario, int trainees);

    [LoggerMessage(1602, LogLevel.Information, "training {Session}/{Trainee}: event {Event} ({Cause}) on bed {Bed} at {WardTimeH:0.000} h")]
    public static partial void EventFired(ILogger logger, string session, string trainee, string @event, string cause, int bed, double wardTimeH);

    [LoggerMessage(1603, LogLevel.Warning, "training {Session}/{Trainee}: bed {Bed} could not be reached or changed ({Error}); the session goes on")]
    public static partial void TrainingBedFailed(ILogger logger, string session, string trainee, int bed, string error);
}
