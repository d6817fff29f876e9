using System.Text.RegularExpressions;

namespace WardTwin.Grains;

/// <summary>
/// A refusal from the patient or the ward as a nurse reads it: the reason only, without the exception's type, the
/// parameter's name in brackets, or a field name in front ("doseMg: ...").
/// </summary>
public static partial class RefusalWords
{
    public static string Of(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var inner = ex;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        string first = inner.Message.Split('\n', 2)[0].Trim();
        return FieldPrefix().Replace(ParameterSuffix().Replace(first, string.Empty), string.Empty);
    }

    [GeneratedRegex(" \\(Parameter '[^']*'\\)$")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*: ")]
    private static partial Regex FieldPrefix();
}
