using System.Text.Json.Serialization;

namespace WardTwin.Model.Pd;

/// <summary>
/// What a pain score asks (model card section 3): pain now, or the worst pain over the last 24 h, which
/// sits a fixed number of points above it before noise, rounding and clipping.
/// </summary>
public enum PainMeasure
{
    [JsonStringEnumMemberName("current")]
    Current,

    [JsonStringEnumMemberName("worst_24h")]
    Worst24h,
}

public static class PainMeasures
{
    public static IReadOnlyList<PainMeasure> All { get; } = [PainMeasure.Current, PainMeasure.Worst24h];

    /// <summary>The name used in data files, summaries and CSV columns.</summary>
    public static string Name(PainMeasure m) => m == PainMeasure.Worst24h ? "worst_24h" : "current";
}
