using System.CommandLine;
using WardTwin.Application.Planner;
using WardTwin.Model.Economics;

namespace WardTwin.Silo.Cli;

/// <summary>The cohort command's probabilistic-analysis options (--psa and what goes with it).</summary>
internal sealed class PsaOptions
{
    private readonly Option<int> _draws = new("--psa") { Description = "Probabilistic sensitivity analysis: D draws of the uncertain parameters and prices, every protocol re-simulated in each on the same patients (writes psa.json, psa.csv, psa_wide.csv)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _patients = new("--psa-patients") { Description = "Virtual patients per protocol in each draw (default: --patients)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _effect = new("--effect") { Description = "The effect of the ICER, net benefit and decision: qalys (the default: over the horizon, discounted; 26 weeks after treatment with --horizon-years 0), responders-t1, responders-week (at --follow-up-week) or relief-weeks", DefaultValueFactory = _ => "qalys" };
    private readonly Option<int> _week = new("--follow-up-week") { Description = "The common week after the end of treatment for responders-week, the same for every protocol", DefaultValueFactory = _ => WardTwin.Model.Outcomes.CohortComparison.DefaultFollowUpWeek };
    // No default value: left out means the effect's own reach; a typed 0 is refused (CliErrors), not taken for "default".
    private readonly Option<double?> _wtpMax = new("--wtp-max") { Description = "Largest willingness to pay per unit of effect on the acceptability curve, > 0 (default: 200000 per responder or QALY, 10000 per week of relief)" };
    private readonly Option<double?> _wtpStep = new("--wtp-step") { Description = "Step of the willingness to pay, > 0 (default: wtp-max / 100)" };

    public PsaOptions()
    {
        _effect.AcceptOnlyFromAmong("responders-t1", "responders-week", "relief-weeks", "qalys");
        // --psa, --wtp-max, --wtp-step and --follow-up-week are checked with every other number in CliErrors (a validator
        // here would throw on a value that is not a number before any error could be reported).
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { _draws, _patients, _effect, _week, _wtpMax, _wtpStep })
        {
            command.Options.Add(o);
        }
    }

    public PsaChoice Read(ParseResult r, int patients)
    {
        ArgumentNullException.ThrowIfNull(r);
        var effect = r.GetValue(_effect) switch { "responders-week" => PsaEffect.RespondersWeek, "relief-weeks" => PsaEffect.ReliefWeeks, "qalys" => PsaEffect.Qalys, _ => PsaEffect.RespondersT1 };
        int perDraw = r.GetValue(_patients) is > 0 and var p ? p : patients;
        double[] wtps;
        try
        {
            wtps = PlannerNumbers.WtpGrid(effect, r.GetValue(_wtpMax), r.GetValue(_wtpStep));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--wtp-step: {ex.Message}", ex);
        }

        return new PsaChoice(r.GetValue(_draws), perDraw, effect, r.GetValue(_week), wtps);
    }
}

/// <summary>What the user asked of the probabilistic analysis (Draws 0: none).</summary>
internal sealed record PsaChoice(int Draws, int Patients, PsaEffect Effect, int Week, double[] Wtps);
