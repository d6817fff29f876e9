using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace WardTwin.Grains;

/// <summary>
/// A PSA job: each draw runs on a draw grain placed anywhere in the cluster, a window of draws ahead of the reader
/// (sized so the admissions in flight stay near <see cref="WardTwinOptions.WindowAdmissions"/>).
/// </summary>
[Reentrant]
[PreferLocalPlacement]
public sealed class PsaJobGrain(
    [PersistentState("psajob", WardTwinStorage.Name)] IPersistentState<PlannerJobRecord<PsaJobRequest>> record,
    ModelCatalog catalog,
    IOptions<WardTwinOptions> options,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    ILogger<PsaJobGrain> logger) : PlannerJobGrain<PsaJobRequest, PsaDrawRows>(record, options, silo, membership, logger), IPsaJobGrain
{
    private string? _hash;

    protected override string Kind => "psa";

    public async Task<PsaChunk> ReadAsync(int fromDraw)
    {
        var request = Request();
        if (fromDraw < 0 || fromDraw > request.Draws)
        {
            throw new ArgumentOutOfRangeException(nameof(fromDraw), $"{fromDraw} is not a draw of this job ({request.Draws} draws)");
        }

        if (fromDraw == request.Draws)
        {
            await FinishAsync();
            return new PsaChunk(fromDraw, [], request.Draws);
        }

        var draws = await Window(request).ReadAsync(fromDraw, int.MaxValue, Options.ReadWait);
        return new PsaChunk(fromDraw, [.. draws], request.Draws);
    }

    protected override bool SameRequest(PsaJobRequest running, PsaJobRequest asked) => ReferenceEquals(running, asked) || ModelCatalog.Hash(running) == ModelCatalog.Hash(asked);

    protected override void Check(PsaJobRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Draws, 1);
        _ = DataErrors.Translate(() => catalog.PsaSetupFor(request, ModelCatalog.Hash(request)));
    }

    protected override int Total(PsaJobRequest request) => request.Draws;

    protected override int UnitSize(PsaJobRequest? request) => 1;

    protected override int Units(PsaJobRequest request) => request.Draws;

    protected override int AdmissionsPerUnit(PsaJobRequest request) => request.Protocols.Sum(p => p.Patients);

    protected override Task<PsaDrawRows> RunUnit(PsaJobRequest request, int unit, string workerKey)
    {
        _hash ??= ModelCatalog.Hash(request);
        return GrainFactory.GetGrain<IPsaDrawGrain>(workerKey).RunAsync(new CohortRequestRef(Key, _hash, request.Protocols[0].Seed), unit + 1);
    }
}
