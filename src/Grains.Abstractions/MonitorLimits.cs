namespace WardTwin.Grains;

/// <summary>What a monitor keeps for the pages.</summary>
public static class MonitorLimits
{
    /// <summary>Recent readings a monitor holds and the patient page draws: 3 minutes at 1 Hz (32 bytes each).</summary>
    public const int RecentReadings = 180;
}
