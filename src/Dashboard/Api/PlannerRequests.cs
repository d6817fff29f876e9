using WardTwin.Application.Planner;
using WardTwin.Model.Costs;
using WardTwin.Model.Data;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;

namespace WardTwin.Dashboard.Api;

/// <summary>A planner's request checked against the data folder (each refusal names its field) and turned into what the service runs.</summary>
public static class PlannerRequests
{
    public static PlannerRunRequest ToRequest(CohortsRequest b, DataCatalog catalog, DashboardOptions options, UploadedProtocols uploads)
    {
        var known = catalog.ProtocolIds();
        for (int i = 0; i < b.Protocols.Length; i++)
        {
            if (!known.Contains(b.Protocols[i]))
            {
                throw ApiException.Bad($"protocols[{i}]", $"'{b.Protocols[i]}' is not a protocol id; known: {string.Join(", ", known)}");
            }
        }

        if (b.Protocols.Distinct(StringComparer.Ordinal).Count() != b.Protocols.Length)
        {
            throw ApiException.Bad("protocols", "the same protocol twice");
        }

        (string Id, string Path)? own = b.OwnProtocol is { } text ? uploads.Save(text, catalog) : null;
        if (own is { } u && b.Protocols.Contains(u.Id))
        {
            throw ApiException.Bad("ownProtocol", $"its id '{u.Id}' is one of the protocols already chosen: give it an id of its own");
        }

        string[] all = own is { } o ? [.. b.Protocols, o.Id] : b.Protocols;
        if (b.Comparator is { } comparator && !all.Contains(comparator))
        {
            throw ApiException.Bad("comparator", $"'{comparator}' is not one of the protocols compared ({string.Join(", ", all)})");
        }

        if (b.Cohort is { } cohort && !File.Exists(catalog.CohortPath(cohort)))
        {
            throw ApiException.Bad("cohort", $"'{cohort}' is not a cohort id; known: {string.Join(", ", catalog.CohortIds())}");
        }

        if (b.Patients > options.MaxPlannerPatients)
        {
            throw ApiException.Bad("patients", $"{b.Patients} is more than this dashboard runs ({options.MaxPlannerPatients}, Dashboard:MaxPlannerPatients)");
        }

        var prices = catalog.LoadPrices(b.Prices);
        foreach (var item in (b.PriceOverrides ?? []).Keys.Where(k => !prices.Items.ContainsKey(k)))
        {
            throw ApiException.Bad($"priceOverrides.{item}", $"not a price item of {b.Prices}; known: {string.Join(", ", prices.Items.Keys.Order(StringComparer.Ordinal))}");
        }

        foreach (var (item, value) in (b.PriceOverrides ?? []).Where(p => !(p.Value >= 0 && double.IsFinite(p.Value))))
        {
            throw ApiException.Bad($"priceOverrides.{item}", $"{value} must be a number >= 0");
        }

        // The comparator goes first: the comparison reads every other protocol against the first.
        string first = b.Comparator ?? all[0];
        var ordered = all.OrderBy(p => p == first ? 0 : 1).Select(p => own is { } x && p == x.Id ? x.Path : p).ToArray();
        var rules = new CostRules(b.Perspective == "societal" ? Perspective.Societal : Perspective.Healthcare, b.PriceBasis == "staff-excluded" ? PriceBasis.StaffExcluded : PriceBasis.Full);
        var effect = b.Psa?.Effect switch { "responders-week" => PsaEffect.RespondersWeek, "relief-weeks" => PsaEffect.ReliefWeeks, "responders-t1" => PsaEffect.RespondersT1, _ => PsaEffect.Qalys };
        var psa = b.Psa is { Draws: > 0 } p ? new PsaPlan(p.Draws, p.Patients, effect, CohortComparison.DefaultFollowUpWeek, Wtps(effect, p)) : null;
        return new PlannerRunRequest(ordered, b.Patients, b.Seed, b.Prices, b.Cohort, Rules: rules, PriceOverrides: b.PriceOverrides ?? [], Psa: psa,
            HorizonYears: b.HorizonYears, Utility: b.Utility == "linear" ? UtilityMap.Linear : UtilityMap.Dixon, BudgetImpactPatientsPerYear: b.BudgetImpact);
    }

    /// <summary>The acceptability curve's points by the command line's rule; a step beyond the reach names the field.</summary>
    private static double[] Wtps(PsaEffect effect, PsaRequest p)
    {
        try
        {
            return PlannerNumbers.WtpGrid(effect, p.WtpMax, p.WtpStep);
        }
        catch (ArgumentException ex)
        {
            throw ApiException.Bad("psa.wtpStep", ex.Message);
        }
    }
}
