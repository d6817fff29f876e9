using WardTwin.Model.Pd;

namespace WardTwin.Model.Protocols;

/// <summary>
/// When the daily pain score is taken (a clock time each treatment day, or before each session) and in
/// which pain measures (Goldberg 2005's journal records both current and worst-of-24-h pain).
/// </summary>
public sealed record Assessments(string? DailyClock = null, bool BeforeEachSession = false, IReadOnlyList<PainMeasure>? Measures = null, string? Source = null)
{
    public IReadOnlyList<PainMeasure> MeasuresOrDefault => Measures is { Count: > 0 } m ? m : [PainMeasure.Current];
}
