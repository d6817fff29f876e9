namespace WardTwin.Grains;

/// <summary>A cohort to run: the protocol and parameter files travel as text, so any silo can run it.</summary>
[GenerateSerializer, Immutable]
public sealed record CohortRequest(
    [property: Id(0)] string ProtocolJson,
    [property: Id(1)] string ProtocolSource,
    [property: Id(2)] string CohortJson,
    [property: Id(3)] string ParametersJson,
    [property: Id(4)] int Patients,
    [property: Id(5)] long Seed,
    [property: Id(6)] bool Placebo,
    [property: Id(7)] double HorizonYears = 0,
    [property: Id(8)] bool LinearUtility = false,
    [property: Id(9)] double EffectDiscountRate = 0)
{
    /// <summary>Patients followed for years with retreatment, or (0 years) the first course alone.</summary>
    public WardTwin.Model.Simulation.HorizonSettings? Horizon => HorizonYears > 0
        ? new(HorizonYears, LinearUtility ? WardTwin.Model.Economics.UtilityMap.Linear : WardTwin.Model.Economics.UtilityMap.Dixon, EffectDiscountRate)
        : null;

    /// <summary>A request carrying a protocol (id or file), its cohort and a parameter file (default: the shipped one) as text.</summary>
    /// <param name="cohortIdOrPath">Another population than the protocol's own (a like-for-like comparison).</param>
    /// <param name="parametersJson">The parameter file's text when it differs from the file on disk (a sensitivity run's overrides).</param>
    public static CohortRequest FromCatalog(WardTwin.Model.Data.DataCatalog catalog, string protocolIdOrPath, int patients, long seed, bool placebo = false, string? parametersPath = null, string? parametersJson = null, string? cohortIdOrPath = null)
    {
        string protocolPath = catalog.ResolveProtocolPath(protocolIdOrPath);
        var protocol = catalog.LoadProtocol(protocolPath);
        return new CohortRequest(
            File.ReadAllText(protocolPath), protocolPath, File.ReadAllText(catalog.CohortPath(cohortIdOrPath ?? protocol.Cohort)),
            parametersJson ?? File.ReadAllText(parametersPath ?? catalog.DefaultParametersPath), patients, seed, placebo);
    }
}
