namespace WardTwin.Cluster;

/// <summary>PostgreSQL cannot be used: unreachable, refused the login, or lacks the Orleans schema. The message says which.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
