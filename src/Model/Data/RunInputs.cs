using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Model.Data;

/// <summary>
/// The files a cohort run reads, as given (ids or paths), resolved against the data folder: what its
/// provenance block hashes. One protocol's block has its own protocol and cohort; the run's has them all.
/// </summary>
public sealed record RunInputs(DataCatalog Catalog, IReadOnlyList<string> ProtocolArgs, IReadOnlyList<string> ProtocolCohorts, string? CohortArg, string Prices, string? ParametersPath)
{
    public JsonObject For(int protocol, long seed, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> overrides, IReadOnlyDictionary<string, string?> options) =>
        Provenance.Build(seed, Files([protocol]), overrides, options);

    public JsonObject ForAll(long seed, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> overrides, IReadOnlyDictionary<string, string?> options) =>
        Provenance.Build(seed, Files(Enumerable.Range(0, ProtocolArgs.Count)), overrides, options);

    private IEnumerable<(string Role, string Path)> Files(IEnumerable<int> protocols)
    {
        foreach (int i in protocols)
        {
            yield return ($"protocol {ProtocolArgs[i]}", Catalog.ResolveProtocolPath(ProtocolArgs[i]));
            yield return ("cohort", Catalog.CohortPath(CohortArg ?? ProtocolCohorts[i]));
        }

        yield return ("prices", Catalog.PricesPath(Prices));
        yield return ("parameters", ParametersPath ?? Catalog.DefaultParametersPath);
    }
}
