namespace WardTwin.Model.Parameters;

/// <summary>The side effects of the model card, section 4; psychotomimetic's severe grade is hallucinations.</summary>
public enum SideEffectKind
{
    Dizziness = 0,
    Drowsiness = 1,
    Nausea = 2,
    Headache = 3,
    Psychotomimetic = 4,
    Restlessness = 5,
}

public static class SideEffectKinds
{
    public const int Count = 6;

    public static IReadOnlyList<SideEffectKind> All { get; } = Enum.GetValues<SideEffectKind>();

    public static string Name(SideEffectKind kind) => kind switch
    {
        SideEffectKind.Dizziness => "dizziness",
        SideEffectKind.Drowsiness => "drowsiness",
        SideEffectKind.Nausea => "nausea",
        SideEffectKind.Headache => "headache",
        SideEffectKind.Psychotomimetic => "psychotomimetic",
        SideEffectKind.Restlessness => "restlessness",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind a protocol or parameter file names, if it is one of the card's.</summary>
    public static bool TryParse(string name, out SideEffectKind kind)
    {
        for (int k = 0; k < Count; k++)
        {
            if (Name((SideEffectKind)k) == name)
            {
                kind = (SideEffectKind)k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
