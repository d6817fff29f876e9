using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WardTwin.Model.Cohorts;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>
/// The silo's view of the model's data: the data folder for live wards, and cohort runners built from
/// the files a cohort request carries, parsed once per silo and shared by its shard grains.
/// </summary>
public sealed class ModelCatalog(IOptions<WardTwinOptions> options, Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CohortRunner>> _runners = new(StringComparer.Ordinal);
    private readonly Lazy<DataCatalog> _data = new(() => DataCatalog.Locate(options.Value.DataPath));
    private readonly Lazy<ModelParameters> _parameters = new(() => ModelParameters.Load(options.Value.ParametersPath ?? DataCatalog.Locate(options.Value.DataPath).DefaultParametersPath));
    private readonly ConcurrentDictionary<string, Lazy<PsaSetup>> _psa = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CohortRunner>>> _fetchingRunners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<PsaSetup>>> _fetchingPsa = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ProtocolPlan Plan, PatientSampler Sampler)> _wardPlans = new(StringComparer.Ordinal);

    /// <summary>The silo's slots for planner work (WardTwin:ShardConcurrency, default one per core): a thread each, so a job cannot starve live wards.</summary>
    private readonly PlannerThreads _slots = new(options.Value.ShardConcurrency > 0 ? options.Value.ShardConcurrency : Environment.ProcessorCount);

    /// <summary>
    /// Runs a piece of planner work (a shard, a draw, a capacity question) in one of the silo's slots. A stopping silo
    /// runs no more queued work (the caller sees the work cancelled, as from a lost silo, and runs it elsewhere);
    /// <paramref name="drillPause"/> holds the slot WardTwin:ShardPauseMs first (a throttle for fault drills).
    /// </summary>
    public Task<T> InSlotAsync<T>(Func<T> work, bool drillPause = true)
    {
        ArgumentNullException.ThrowIfNull(work);
        int pauseMs = drillPause ? options.Value.ShardPauseMs : 0;
        return _slots.RunAsync(pauseMs <= 0 ? work : () =>
        {
            Thread.Sleep(pauseMs);
            return work();
        }, lifetime.ApplicationStopping);
    }

    public DataCatalog Data => _data.Value;

    public ModelParameters Parameters => _parameters.Value;

    public CohortRunner RunnerFor(CohortRequest request) => RunnerFor(request, Hash(request));

    /// <summary>
    /// The runner of a job's request by its hash, its request fetched with <paramref name="fetch"/> once per silo: a
    /// job's first shards reach a silo together, and each fetched the request (tens of kB from the job's silo) before.
    /// </summary>
    public Task<CohortRunner> RunnerAsync(string hash, Func<Task<CohortRequest>> fetch) =>
        _runners.TryGetValue(hash, out var runner) && runner.IsValueCreated ? Task.FromResult(runner.Value) : FetchOnce(_fetchingRunners, hash, async () => RunnerFor(await fetch(), hash));

    public CohortRunner RunnerFor(CohortRequest request, string key) =>
        _runners.GetOrAdd(key, _ => new Lazy<CohortRunner>(() => RequestModels.Runner(request))).Value;

    /// <summary>A PSA job's setup by its hash, its request fetched once per silo (as <see cref="RunnerAsync"/>).</summary>
    public Task<PsaSetup> PsaSetupAsync(string hash, Func<Task<PsaJobRequest>> fetch) =>
        _psa.TryGetValue(hash, out var setup) && setup.IsValueCreated ? Task.FromResult(setup.Value) : FetchOnce(_fetchingPsa, hash, async () => PsaSetupFor(await fetch(), hash));

    /// <summary>A PSA job's setup, parsed once per silo: every draw of the job on this silo shares it.</summary>
    public PsaSetup PsaSetupFor(PsaJobRequest request, string key) =>
        _psa.GetOrAdd(key, _ => new Lazy<PsaSetup>(() => RequestModels.PsaSetup(request))).Value;

    /// <summary>The plan and patient sampler of a protocol from the data folder, for live wards.</summary>
    public (ProtocolPlan Plan, PatientSampler Sampler) WardPlan(string protocolId) => _wardPlans.GetOrAdd(protocolId, id =>
    {
        var protocol = Data.LoadProtocol(id);
        return (new ProtocolPlan(protocol, Parameters), new PatientSampler(Data.LoadCohort(protocol.Cohort), Parameters, protocol.Arm));
    });

    /// <summary>One fetch per hash at a time; a failed one is forgotten, so the next caller tries again.</summary>
    private static async Task<T> FetchOnce<T>(ConcurrentDictionary<string, Lazy<Task<T>>> fetching, string hash, Func<Task<T>> fetch)
    {
        var once = fetching.GetOrAdd(hash, _ => new Lazy<Task<T>>(fetch));
        try
        {
            return await once.Value;
        }
        finally
        {
            fetching.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(hash, once));
        }
    }

    public static string Hash(PsaJobRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = string.Join('\u0002', [.. r.Protocols.Select(Hash), r.Protocols[0].Patients.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Protocols[0].Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.PricesJson, r.Perspective, r.PriceBasis, r.Draws.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Week.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Hash(CohortRequest r)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u0001', r.ProtocolJson, r.CohortJson, r.ParametersJson, r.Placebo ? "p" : "a",
            r.HorizonYears.ToString("R", System.Globalization.CultureInfo.InvariantCulture), r.LinearUtility ? "l" : "d", r.EffectDiscountRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    public void Dispose() => _slots.Dispose();
}
