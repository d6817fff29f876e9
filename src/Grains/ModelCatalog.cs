using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WardTwin.Model.Cohorts;
using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>
/// The silo's view of the model's data: the data folder for live wards, and cohort runners built from
/// the files a cohort request carries, parsed once per silo and shared by its shard grains.
/// </summary>
public sealed class ModelCatalog(IOptions<WardTwinOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<CohortRunner>> _runners = new(StringComparer.Ordinal);
    private readonly Lazy<DataCatalog> _data = new(() => DataCatalog.Locate(options.Value.DataPath));
    private readonly Lazy<ModelParameters> _parameters = new(() => ModelParameters.Load(options.Value.ParametersPath ?? DataCatalog.Locate(options.Value.DataPath).DefaultParametersPath));
    private readonly ConcurrentDictionary<string, (ProtocolPlan Plan, PatientSampler Sampler)> _wardPlans = new(StringComparer.Ordinal);

    /// <summary>The silo's slots for running cohort shards (WardTwin:ShardConcurrency, default one per core).</summary>
    public SemaphoreSlim ShardSlots { get; } = new(options.Value.ShardConcurrency > 0 ? options.Value.ShardConcurrency : Environment.ProcessorCount);

    public DataCatalog Data => _data.Value;

    public ModelParameters Parameters => _parameters.Value;

    public CohortRunner RunnerFor(CohortRequest request) => RunnerFor(request, Hash(request));

    /// <summary>The runner of a request already seen on this silo, by its hash.</summary>
    public CohortRunner? CachedRunner(string hash) => _runners.TryGetValue(hash, out var runner) && runner.IsValueCreated ? runner.Value : null;

    public CohortRunner RunnerFor(CohortRequest request, string key)
    {
        return _runners.GetOrAdd(key, _ => new Lazy<CohortRunner>(() =>
        {
            var protocol = DataJson.Parse<Protocol>(request.ProtocolJson, request.ProtocolSource);
            ProtocolValidator.Validate(protocol, request.ProtocolSource);
            if (request.Placebo)
            {
                protocol = protocol.AsPlacebo();
            }

            var cohort = DataJson.Parse<Cohort>(request.CohortJson, protocol.Cohort);
            CohortValidator.Validate(cohort, protocol.Cohort);
            var parameters = ModelParameters.From(ParameterFile.Parse(request.ParametersJson, "parameters"));
            return new CohortRunner(protocol, cohort, parameters);
        })).Value;
    }

    /// <summary>The plan and patient sampler of a protocol from the data folder, for live wards.</summary>
    public (ProtocolPlan Plan, PatientSampler Sampler) WardPlan(string protocolId) => _wardPlans.GetOrAdd(protocolId, id =>
    {
        var protocol = Data.LoadProtocol(id);
        return (new ProtocolPlan(protocol, Parameters), new PatientSampler(Data.LoadCohort(protocol.Cohort), Parameters, protocol.Arm));
    });

    public static string Hash(CohortRequest r)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u0001', r.ProtocolJson, r.CohortJson, r.ParametersJson, r.Placebo ? "p" : "a"));
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
