using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Data;

/// <summary>The project's data folder: protocols, cohorts, prices and parameter sets, by id or by path.</summary>
public sealed class DataCatalog(string root)
{
    public const string EnvironmentVariable = "WARDTWIN_DATA";

    public string Root { get; } = Path.GetFullPath(root);

    public string DefaultParametersPath => Path.Combine(Root, "params", "default.json");

    /// <summary>Finds data/ from an explicit folder, WARDTWIN_DATA, or upwards from the working and program folders.</summary>
    public static DataCatalog Locate(string? explicitRoot = null)
    {
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return Directory.Exists(Path.Combine(explicitRoot, "protocols"))
                ? new DataCatalog(explicitRoot)
                : throw new DataFileException(explicitRoot, "(folder)", "is not a WardTwin data folder (no protocols/ inside)");
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            return Locate(env);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "protocols")) && File.Exists(Path.Combine(candidate, "params", "default.json")))
                {
                    return new DataCatalog(candidate);
                }
            }
        }

        throw new DataFileException("data", "(folder)", $"no data/ folder found above the working directory; pass --data or set {EnvironmentVariable}");
    }

    public IReadOnlyList<string> ProtocolIds() =>
        Directory.GetFiles(Path.Combine(Root, "protocols"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>A protocol by id (data/protocols/ID.json) or by the path of a user's own file.</summary>
    public Protocol LoadProtocol(string idOrPath)
    {
        string path = ResolveProtocolPath(idOrPath);
        var protocol = DataJson.Read<Protocol>(path);
        ProtocolValidator.Validate(protocol, path);
        return protocol;
    }

    public string ResolveProtocolPath(string idOrPath)
    {
        if (File.Exists(idOrPath))
        {
            return idOrPath;
        }

        if (idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || idOrPath.Contains('/', StringComparison.Ordinal))
        {
            throw new DataFileException(idOrPath, "(file)", "no such protocol file");
        }

        string byId = Path.Combine(Root, "protocols", idOrPath + ".json");
        return File.Exists(byId)
            ? byId
            : throw new DataFileException("--protocol", idOrPath, $"unknown protocol id; known ids: {string.Join(", ", ProtocolIds())}");
    }

    /// <summary>A cohort's file: the path itself when it names a file, else data/cohorts/ID.json.</summary>
    public string CohortPath(string idOrPath) =>
        File.Exists(idOrPath) || idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || idOrPath.Contains('/', StringComparison.Ordinal)
            ? idOrPath
            : Path.Combine(Root, "cohorts", idOrPath + ".json");

    public IReadOnlyList<string> CohortIds() =>
        Directory.GetFiles(Path.Combine(Root, "cohorts"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A cohort by id from data/cohorts/, or by the path of your own file.</summary>
    public Cohort LoadCohort(string idOrPath)
    {
        string path = CohortPath(idOrPath);
        if (!File.Exists(path))
        {
            throw path == idOrPath
                ? new DataFileException(path, "(file)", "no such cohort file")
                : new DataFileException(path, "(file)", $"unknown cohort '{idOrPath}'; known: {string.Join(", ", CohortIds())}");
        }

        var cohort = DataJson.Read<Cohort>(path);
        CohortValidator.Validate(cohort, path);
        return cohort;
    }

    /// <summary>A price region's file in data/prices/, or your own file's path.</summary>
    public string PricesPath(string regionOrPath) => File.Exists(regionOrPath) ? regionOrPath : Path.Combine(Root, "prices", regionOrPath + ".json");

    public PriceList LoadPrices(string regionOrPath)
    {
        string path = PricesPath(regionOrPath);
        if (!File.Exists(path))
        {
            throw new DataFileException(path, "(file)", $"unknown price region '{regionOrPath}'");
        }

        var prices = DataJson.Read<PriceList>(path);
        PriceListValidator.Validate(prices, path);
        return prices;
    }

    public IReadOnlyList<string> ScenarioIds() =>
        Directory.Exists(Path.Combine(Root, "scenarios"))
            ? Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>A training scenario by id (data/scenarios/ID.json) or by the path of a user's own file.</summary>
    public Training.Scenario LoadScenario(string idOrPath)
    {
        string path = File.Exists(idOrPath) ? idOrPath
            : idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || idOrPath.Contains('/', StringComparison.Ordinal)
                ? throw new DataFileException(idOrPath, "(file)", "no such scenario file")
            : Path.Combine(Root, "scenarios", idOrPath + ".json");
        if (!File.Exists(path))
        {
            throw new DataFileException("--scenario", idOrPath, $"unknown scenario id; known ids: {string.Join(", ", ScenarioIds())}");
        }

        var scenario = DataJson.Read<Training.Scenario>(path);
        Training.ScenarioValidator.Validate(scenario, path, ProtocolIds());
        return Training.ScenarioValidator.Resolve(scenario, LoadProtocol(scenario.Ward.Protocol), path);
    }

    public ModelParameters LoadParameters(string? path = null) => ModelParameters.Load(path ?? DefaultParametersPath);
}
