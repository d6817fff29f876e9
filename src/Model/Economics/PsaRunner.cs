using WardTwin.Model.Cohorts;
using WardTwin.Model.Costs;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Economics;

/// <summary>
/// Probabilistic sensitivity analysis that re-simulates: each draw takes one value of every uncertain
/// parameter and every price, then runs every protocol's cohort again under them on the same virtual
/// patients (the same seed: common random numbers, so differences between protocols are not noise between
/// cohorts), and prices each admission with the cost calculator at the drawn prices. The spread across draws
/// is the evidence's, not the cohort size's: more patients per draw narrow the Monte Carlo noise only.
/// </summary>
public static class PsaRunner
{
    /// <param name="drawDone">Told how many draws are complete, as each completes (from worker threads, in any order).</param>
    public static PsaRun Run(PsaSetup setup, Action<int>? drawDone = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        int protocols = setup.Protocols.Count;
        var rows = new PsaRow[setup.Draws * protocols];
        var parameterDraws = new IReadOnlyDictionary<string, double>[setup.Draws];
        var priceDraws = new PriceList[setup.Draws];
        int threads = setup.Threads > 0 ? setup.Threads : Environment.ProcessorCount;

        // Enough draws to keep every core busy: each core takes whole draws (one barrier-free cohort after another);
        // otherwise each cohort's patients are spread over the cores instead.
        bool byDraw = setup.Draws >= 2 * threads;
        int completed = 0;
        Parallel.For(1, setup.Draws + 1, new ParallelOptions { MaxDegreeOfParallelism = byDraw ? threads : 1 }, d =>
        {
            var draw = Draw(setup, d, byDraw ? 1 : threads);
            draw.Rows.CopyTo(rows, (d - 1) * protocols);
            parameterDraws[d - 1] = draw.Parameters;
            priceDraws[d - 1] = draw.Prices;
            drawDone?.Invoke(Interlocked.Increment(ref completed));
        });

        return new PsaRun(setup, rows, parameterDraws, priceDraws);
    }

    /// <summary>
    /// One draw (1-based): its parameter values and prices, and every protocol's mean cost and effects under them. A
    /// pure function of the setup and the draw number, so any process that runs draw d gives the same row.
    /// </summary>
    public static PsaDrawResult Draw(PsaSetup setup, int d, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var values = ParameterSampler.Draw(setup.Parameters, setup.Seed, d);
        var file = setup.Parameters.WithOverrides(values, $"psa draw {d}");
        var model = ModelParameters.From(file);
        var utility = UtilityMapping.From(file);
        var prices = PriceSampler.Draw(setup.Prices, setup.Seed, d);
        var calculator = new CostCalculator(prices, setup.Rules);
        var rows = new PsaRow[setup.Protocols.Count];
        for (int p = 0; p < rows.Length; p++)
        {
            var protocol = setup.Protocols[p];
            var outcomes = new CohortRunner(protocol, setup.CohortOf(protocol), model, setup.Horizon).Run(setup.Patients, setup.Seed, threads);
            double cost = outcomes.Average(o => HorizonCosts.Total(calculator, protocol, o, prices.ConventionsOrDefault.DiscountCosts));
            var effects = PsaEffects.All.Select(e => PsaEffects.Mean(e, outcomes, setup.Week, utility)).ToArray();
            rows[p] = new PsaRow(d, protocol.Id, cost, effects);
        }

        return new PsaDrawResult(rows, values, prices);
    }
}

/// <summary>One draw's rows (a row per protocol) and what it took: parameter values and prices.</summary>
public sealed record PsaDrawResult(PsaRow[] Rows, IReadOnlyDictionary<string, double> Parameters, PriceList Prices);

/// <summary>What to re-simulate: protocols (the first is the comparator), each one's population, the evidence and prices, and how much.</summary>
public sealed record PsaSetup(
    IReadOnlyList<Protocol> Protocols, Func<Protocol, Cohort> CohortOf, ParameterFile Parameters, PriceList Prices,
    int Patients, long Seed, int Draws, int Week, int Threads = -1, CostRules? Rules = null, HorizonSettings? Horizon = null);

/// <summary>One protocol in one draw: mean cost and every effect per patient (effects in <see cref="PsaEffects.All"/>'s order).</summary>
public sealed record PsaRow(int Draw, string Protocol, double Cost, double[] Effects);

/// <summary>Every row, and what each draw took (parameters and prices), in draw order.</summary>
public sealed record PsaRun(PsaSetup Setup, IReadOnlyList<PsaRow> Rows, IReadOnlyList<IReadOnlyDictionary<string, double>> ParameterDraws, IReadOnlyList<PriceList> PriceDraws)
{
    /// <summary>A protocol's draws of cost and of one effect, aligned by draw.</summary>
    public StrategyDraws Strategy(string protocol, PsaEffect effect)
    {
        var mine = Rows.Where(r => r.Protocol == protocol).OrderBy(r => r.Draw).ToArray();
        int e = Array.IndexOf(PsaEffects.All.ToArray(), effect);
        return new StrategyDraws(protocol, mine.Select(r => r.Cost).ToArray(), mine.Select(r => r.Effects[e]).ToArray());
    }
}
