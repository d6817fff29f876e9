namespace WardTwin.Grains;

/// <summary>The grain storage every stateful WardTwin grain writes to: in memory when embedded, PostgreSQL in cluster mode.</summary>
public static class WardTwinStorage
{
    public const string Name = "wardtwin";
}
