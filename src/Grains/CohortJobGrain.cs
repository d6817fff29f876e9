using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;
using WardTwin.Model.Outcomes;

namespace WardTwin.Grains;

/// <summary>
/// A cohort job: shards of <see cref="WardTwinOptions.ShardSize"/> admissions run on shard grains spread over the
/// cluster, a window of them ahead of the reader. Placed on the caller's silo (the reader's own, when it hosts one).
/// Reentrant: a reader waiting for its next chunk must not hold up progress queries or the shards' request fetches.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
public sealed class CohortJobGrain(
    [PersistentState("cohortjob", WardTwinStorage.Name)] IPersistentState<PlannerJobRecord<CohortRequest>> record,
    ModelCatalog catalog,
    IOptions<WardTwinOptions> options,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    ILogger<CohortJobGrain> logger) : PlannerJobGrain<CohortRequest, CohortBlock>(record, options, silo, membership, logger), ICohortJobGrain
{
    private string? _hash;

    protected override string Kind => "cohort";

    private int ShardSize => Math.Max(1, Options.ShardSize);

    public async Task<CohortChunk> ReadAsync(int fromPatient)
    {
        var request = Request();
        int size = ShardSize;
        if (fromPatient < 0 || (fromPatient % size != 0 && fromPatient != request.Patients) || fromPatient > request.Patients)
        {
            throw new ArgumentOutOfRangeException(nameof(fromPatient), $"{fromPatient} is not the start of a chunk of this job ({request.Patients} patients)");
        }

        if (fromPatient == request.Patients)
        {
            Log.CohortFinished(Logger, Key, request.Patients, Units(request));
            await FinishAsync();
            return new CohortChunk(fromPatient, [], request.Patients);
        }

        var shards = await Window(request).ReadAsync(fromPatient / size, Math.Max(1, Options.ChunkAdmissions / size), Options.ReadWait);
        var outcomes = shards.Count == 1 ? shards[0].Outcomes : shards.SelectMany(s => s.Outcomes).ToArray();
        return new CohortChunk(fromPatient, outcomes, request.Patients);
    }

    protected override bool SameRequest(CohortRequest running, CohortRequest asked) => running == asked;

    protected override void Check(CohortRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Patients);
        _ = DataErrors.Translate(() => catalog.RunnerFor(request, ModelCatalog.Hash(request)));
    }

    protected override int Total(CohortRequest request) => request.Patients;

    protected override int UnitSize(CohortRequest? request) => ShardSize;

    protected override int Units(CohortRequest request) => (request.Patients + ShardSize - 1) / ShardSize;

    protected override int AdmissionsPerUnit(CohortRequest request) => ShardSize;

    protected override Task<CohortBlock> RunUnit(CohortRequest request, int unit, string workerKey)
    {
        _hash ??= ModelCatalog.Hash(request);
        int first = unit * ShardSize, count = Math.Min(ShardSize, request.Patients - first);
        return GrainFactory.GetGrain<ICohortShardGrain>(workerKey).RunAsync(new CohortRequestRef(Key, _hash, request.Seed), first, count);
    }
}
