using System.Globalization;

namespace WardTwin.Grains;

/// <summary>
/// The key of an admission's grains (patient, pump, monitor): its ward and its number there ("ward-1/7"), built
/// and read here only.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct AdmissionKey([property: Id(0)] string Ward, [property: Id(1)] int Number)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ward}/{Number}");

    /// <summary>The key a grain id spells; an id that is not "{ward}/{number}" is refused naming it.</summary>
    public static AdmissionKey Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int slash = id.LastIndexOf('/');
        return slash > 0 && int.TryParse(id.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? new AdmissionKey(id[..slash], n)
            : throw new ArgumentException($"'{id}' is not an admission id (ward/number)");
    }
}
