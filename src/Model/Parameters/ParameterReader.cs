namespace WardTwin.Model.Parameters;

/// <summary>Reads named values from a parameter file, failing with the file and name when one is missing.</summary>
internal sealed class ParameterReader(ParameterFile file)
{
    public double this[string name] => file.Entries.TryGetValue(name, out var entry)
        ? entry.Value
        : throw new Data.DataFileException(file.Path, $"parameters.{name}", "missing");

    public double Positive(string name)
    {
        double v = this[name];
        return v > 0 ? v : throw new Data.DataFileException(file.Path, $"parameters.{name}", $"must be > 0, is {v}");
    }

    public double Fraction(string name)
    {
        double v = this[name];
        return v is >= 0 and <= 1 ? v : throw new Data.DataFileException(file.Path, $"parameters.{name}", $"must be within 0..1, is {v}");
    }
}
