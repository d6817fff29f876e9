using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Titration;

/// <summary>What the patient and monitor tell the nurse at a review.</summary>
public sealed record TitrationReport(
    bool NoticedRelief,
    SideEffectGrade WorstSinceLastReview,
    SideEffectKind? WorstKindSinceLastReview,
    SideEffectGrade CurrentGrade,
    SideEffectKind? CurrentKind,
    IReadOnlyCollection<string> AlarmsSinceLastReview);
