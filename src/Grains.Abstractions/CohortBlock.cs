using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>
/// The outcomes of one shard of a cohort job, in patient order. Immutable, so Orleans hands it on as it is: every
/// grain call's response is deep-copied otherwise, which walked every outcome through its surrogate and copied its
/// arrays once more on the shard's silo, before serialising it (or instead, on the job's own silo).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CohortBlock([property: Id(0)] AdmissionOutcome[] Outcomes);
