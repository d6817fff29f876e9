using WardTwin.Model.Data;

namespace WardTwin.Grains;

/// <summary>Data-file errors cross the wire as ArgumentException (Orleans can serialize it) with the same one-line message.</summary>
internal static class DataErrors
{
    public static T Translate<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (DataFileException ex)
        {
            throw new ArgumentException(ex.Message);
        }
    }
}
