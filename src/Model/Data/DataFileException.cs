namespace WardTwin.Model.Data;

/// <summary>A data file (protocol, cohort, prices, parameters) that cannot be used, naming the field and why.</summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, string field, string reason)
        : base($"{file}: {field}: {reason}")
    {
        File = file;
        Field = field;
        Reason = reason;
    }

    public DataFileException()
    {
        File = Field = Reason = string.Empty;
    }

    public DataFileException(string message)
        : base(message)
    {
        File = Field = Reason = string.Empty;
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Field = Reason = string.Empty;
    }

    public string File { get; }

    public string Field { get; }

    public string Reason { get; }
}
