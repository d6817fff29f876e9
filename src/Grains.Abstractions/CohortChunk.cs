using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>Admissions First.. of a cohort job, in patient order.</summary>
[GenerateSerializer, Immutable]
public sealed record CohortChunk([property: Id(0)] int First, [property: Id(1)] AdmissionOutcome[] Outcomes, [property: Id(2)] int Total);
