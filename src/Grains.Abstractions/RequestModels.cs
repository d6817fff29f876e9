using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>The model objects a request's files describe, parsed and checked the same way wherever the request runs (a silo, the reference engine).</summary>
public static class RequestModels
{
    public static CohortRunner Runner(CohortRequest request)
    {
        var (protocol, cohort) = Parse(request);
        return new CohortRunner(protocol, cohort, ModelParameters.From(ParameterFile.Parse(request.ParametersJson, "parameters")), request.Horizon);
    }

    /// <summary>A PSA job's setup; <paramref name="threads"/> spreads each draw's cohorts over cores (1 where draws already are).</summary>
    public static PsaSetup PsaSetup(PsaJobRequest request, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = request.Protocols.Select(Parse).ToArray();
        var cohorts = parsed.ToDictionary(p => p.Protocol.Id, p => p.Cohort, StringComparer.Ordinal);
        var prices = DataJson.Parse<PriceList>(request.PricesJson, "prices");
        var rules = new CostRules(Enum.Parse<Perspective>(request.Perspective), Enum.Parse<PriceBasis>(request.PriceBasis));
        return new PsaSetup(
            [.. parsed.Select(p => p.Protocol)], p => cohorts[p.Id], ParameterFile.Parse(request.Protocols[0].ParametersJson, "parameters"), prices,
            request.Protocols[0].Patients, request.Protocols[0].Seed, request.Draws, request.Week, threads, rules, request.Protocols[0].Horizon);
    }

    private static (Protocol Protocol, Cohort Cohort) Parse(CohortRequest request)
    {
        var protocol = DataJson.Parse<Protocol>(request.ProtocolJson, request.ProtocolSource);
        ProtocolValidator.Validate(protocol, request.ProtocolSource);
        if (request.Placebo)
        {
            protocol = protocol.AsPlacebo();
        }

        var cohort = DataJson.Parse<Cohort>(request.CohortJson, protocol.Cohort);
        CohortValidator.Validate(cohort, protocol.Cohort);
        return (protocol, cohort);
    }
}
