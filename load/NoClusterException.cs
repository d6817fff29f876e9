namespace WardTwin.Load;

/// <summary>The load generator found no silo to connect to; the message says where it looked.</summary>
public sealed class NoClusterException : Exception
{
    public NoClusterException()
    {
    }

    public NoClusterException(string message)
        : base(message)
    {
    }

    public NoClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
