namespace WardTwin.Model.Costs;

/// <summary>
/// Which costs count and on what basis. Healthcare counts the hospital's bill; societal adds the patient's
/// lost paid work and travel. The price basis says whether day prices include staff: with the full basis
/// (the Dutch nursing day and day treatment include staff) nurse time per titration review is already in the
/// day and is not added again; with the staff-excluded basis bed-days are priced without staff and the review
/// time is added.
/// </summary>
public sealed record CostRules(Perspective Perspective = Perspective.Healthcare, PriceBasis Basis = PriceBasis.Full)
{
    public static CostRules Default { get; } = new();

    /// <summary>The price items these rules need beyond the always-required ones, for a clear refusal when a file lacks them.</summary>
    public IEnumerable<string> NeededItems()
    {
        if (Basis == PriceBasis.StaffExcluded)
        {
            yield return "inpatient_day_excl_staff";
        }

        if (Perspective == Perspective.Societal)
        {
            foreach (var item in PriceList.SocietalItems)
            {
                yield return item;
            }
        }
    }

    /// <summary>Refuses rules a price list cannot carry, naming every missing item.</summary>
    public void CheckAgainst(PriceList prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var missing = NeededItems().Where(i => !prices.Items.ContainsKey(i)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"the {prices.Region} prices have no {string.Join(", ", missing)}: needed for the {Perspective.ToString().ToLowerInvariant()} perspective on the {(Basis == PriceBasis.Full ? "full" : "staff-excluded")} price basis");
        }
    }
}

public enum Perspective
{
    Healthcare,
    Societal,
}

public enum PriceBasis
{
    /// <summary>Day prices include staff; nurse review time is not added.</summary>
    Full,

    /// <summary>Bed-days at the staff-excluded day price, plus nurse time per titration review.</summary>
    StaffExcluded,
}
